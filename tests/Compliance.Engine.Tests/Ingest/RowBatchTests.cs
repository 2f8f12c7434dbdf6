using System.Diagnostics.CodeAnalysis;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class RowBatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Parse_WhileAnotherThreadParsesShared_EachRowParsedOnceAndTheBatchWhole()
    {
        var batch = Filled(1000);
        // The other thread takes the first chunk and stops in it until the accepting thread has parsed a row of
        // another, and a while after: both take chunks, and the accepting thread must wait for the other's.
        using var otherStarted = new ManualResetEventSlim();
        using var acceptingStarted = new ManualResetEventSlim();
        var other = new CountingParser
        {
            BeforeFirstRow = () =>
            {
                otherStarted.Set();
                acceptingStarted.Wait(Patience);
                Thread.Sleep(100);
            },
        };
        var accepting = new CountingParser { BeforeFirstRow = acceptingStarted.Set };
        batch.Share();

        var sharing = Task.Run(() => batch.ParseShared(other, NewView()));
        otherStarted.Wait(Patience).Should().BeTrue();
        await Task.Run(() => batch.Parse(accepting, NewView())).WaitAsync(Patience);
        var records = batch.Records.Take(1000).Select(r => r?.CaseId).ToList();
        await sharing;

        batch.Parsed.Should().BeTrue();
        other.Rows.Should().BeGreaterThanOrEqualTo(64);
        accepting.Rows.Should().BePositive();
        (other.Rows + accepting.Rows).Should().Be(1000);
        records.Should().Equal(Enumerable.Range(0, 1000).Select(i => $"v{i}"));
        batch.Keys.Take(1000).Should().Equal(Enumerable.Range(0, 1000).Select(i => $"v{i}"));
    }

    [Fact]
    public async Task Parse_TheSharingThreadFailed_ParsesEveryRowAgainHere()
    {
        var batch = Filled(200);
        var other = new CountingParser { FailAtRow = 10 };
        batch.Share();
        await Task.Run(() => batch.ParseShared(other, NewView()));

        var accepting = new CountingParser();
        batch.Parse(accepting, NewView());

        accepting.Rows.Should().Be(200);
        batch.Records.Take(200).Select(r => r!.CaseId).Should().Equal(Enumerable.Range(0, 200).Select(i => $"v{i}"));
    }

    [Fact]
    public void Parse_TheAcceptingThreadFails_Throws()
    {
        var batch = Filled(200);

        var parse = () => batch.Parse(new CountingParser { FailAtRow = 150 }, NewView());

        parse.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task Parse_AfterAResetOfASharedBatch_DoesNotWaitForASecondThread()
    {
        var batch = Filled(100);
        batch.Share();
        await Task.Run(() => batch.ParseShared(new CountingParser(), NewView()));
        batch.Parse(new CountingParser(), NewView());
        batch.Reset();
        Fill(batch, 100);

        var accepting = new CountingParser();
        await Task.Run(() => batch.Parse(accepting, NewView())).WaitAsync(Patience);

        accepting.Rows.Should().Be(100);
        batch.Parsed.Should().BeTrue();
    }

    private static RowBatch<CaseRecord> Filled(int rows)
    {
        var batch = new RowBatch<CaseRecord>(1024);
        Fill(batch, rows);
        return batch;
    }

    private static void Fill(RowBatch<CaseRecord> batch, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var row = batch.Rows[i];
            row.Start(i + 2);
            row.Add($"v{i}");
            row.Add("I1");
            row.Add("U1");
            row.Add("2025-10-08");
        }
        batch.Count = rows;
    }

    private static FieldRow NewView() =>
        new(CaseRowParser.CasesSchema, [0, 1, -1, 2, -1, -1, -1, 3, -1, -1, -1, -1], ["case_id", "item_code", "unit_code", "accepted_at"]);

    /// <summary>The cases parser, counting the rows it parses; it can wait before its first row, or throw at one.</summary>
    private sealed class CountingParser : RowParser<CaseRecord>
    {
        private readonly CaseRowParser _inner = new();

        public int Rows { get; private set; }

        public Action? BeforeFirstRow { get; init; }

        public int FailAtRow { get; init; } = -1;

        public override FeedSchema Schema => _inner.Schema;

        public override Func<CaseRecord, string>? Key => _inner.Key;

        public override bool TryParse(FieldRow row, [NotNullWhen(true)] out CaseRecord? record, out RowProblem problem)
        {
            if (Rows == 0)
            {
                BeforeFirstRow?.Invoke();
            }
            if (row.Raw.Line - 2 == FailAtRow)
            {
                throw new InvalidOperationException("a parser's bug");
            }
            Rows++;
            return _inner.TryParse(row, out record, out problem);
        }

        public override bool SameContent(CaseRecord first, CaseRecord second) => _inner.SameContent(first, second);

        public override int LineOf(CaseRecord record) => _inner.LineOf(record);
    }
}
