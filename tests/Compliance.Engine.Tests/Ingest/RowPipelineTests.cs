using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class RowPipelineTests
{
    [Fact]
    public void Next_ManyRowsWithBlankOnes_AllNonBlankRowsInOrderThenEnded()
    {
        var source = new ScriptedSource(rows: 3000, blankEvery: 10, end: null);

        var (lines, last) = Drain(source);

        lines.Should().Equal(Enumerable.Range(0, 3000).Where(i => (i + 1) % 10 != 0).Select(i => i + 2));
        last.Ended.Should().BeTrue();
        last.Error.Should().BeNull();
    }

    [Fact]
    public void Next_SourceThrowsAfterABlankRow_ErrorComesLastWithTheLineOfThatRow()
    {
        // The last row (line 3001) is blank; a row-at-a-time reader would still hold it when the source throws.
        var source = new ScriptedSource(rows: 3000, blankEvery: 3000, end: new FeedFileException("坏了"));

        var (lines, last) = Drain(source);

        lines.Should().HaveCount(2999).And.EndWith(3000);
        last.Error!.SourceException.Should().BeOfType<FeedFileException>();
        last.ErrorLine.Should().Be(3001);
        last.Ended.Should().BeTrue();
    }

    [Fact]
    public void Next_SourceThrowsAtOnce_ErrorLineZero()
    {
        var (lines, last) = Drain(new ScriptedSource(rows: 0, blankEvery: int.MaxValue, end: new FeedFileException("坏了")));

        lines.Should().BeEmpty();
        last.ErrorLine.Should().Be(0);
    }

    [Fact]
    public void Next_BatchesParsedOnEitherThread_SameRecords()
    {
        var source = new ScriptedSource(rows: 5000, blankEvery: int.MaxValue, end: null);
        var view = NewView();
        var ids = new List<string>();
        using (var pipeline = new RowPipeline<CaseRecord>(source, new CaseRowParser(), view))
        {
            var parser = new CaseRowParser();
            while (true)
            {
                var batch = pipeline.Next();
                if (!batch.Parsed)
                {
                    batch.Parse(parser, view);
                }
                ids.AddRange(batch.Records.Take(batch.Count).Select(r => r!.CaseId));
                var ended = batch.Ended;
                pipeline.Recycle(batch);
                if (ended)
                {
                    break;
                }
            }
        }

        ids.Should().Equal(Enumerable.Range(0, 5000).Select(i => $"v{i}"));
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsReadingAhead()
    {
        var source = new ScriptedSource(rows: 1_000_000, blankEvery: int.MaxValue, end: null);
        var pipeline = new RowPipeline<CaseRecord>(source, new CaseRowParser(), NewView());
        pipeline.Next();

        pipeline.Dispose();

        source.Read.Should().BeLessThan(1_000_000);
    }

    private static (List<int> Lines, RowBatch<CaseRecord> Last) Drain(FeedSource source)
    {
        var lines = new List<int>();
        using var pipeline = new RowPipeline<CaseRecord>(source, new CaseRowParser(), NewView());
        while (true)
        {
            var batch = pipeline.Next();
            lines.AddRange(batch.Rows.Take(batch.Count).Select(r => r.Line));
            if (batch.Ended)
            {
                return (lines, batch);
            }
            pipeline.Recycle(batch);
        }
    }

    /// <summary>Every column of the cases feed mapped, the first from the source's one value, the rest constant.</summary>
    private static FieldRow NewView() =>
        new(CaseRowParser.CasesSchema, [0, 1, -1, 2, -1, -1, -1, 3, -1, -1, -1, -1], ["case_id", "item_code", "unit_code", "accepted_at"]);

    /// <summary>Rows "v0", "v1", … from line 2 on, every <c>blankEvery</c>-th one blank instead, then the end or an exception.</summary>
    private sealed class ScriptedSource(int rows, int blankEvery, Exception? end) : FeedSource
    {
        public int Read { get; private set; }

        public override IReadOnlyList<string> Headers => ["case_id", "item_code", "unit_code", "accepted_at"];

        public override bool MoveNext(RawRow row)
        {
            if (Read == rows)
            {
                return end is null ? false : throw end;
            }
            row.Start(Read + 2);
            var blank = (Read + 1) % blankEvery == 0;
            row.Add(blank ? " " : $"v{Read}");
            row.Add(blank ? "" : "I1");
            row.Add(blank ? "" : "U1");
            row.Add(blank ? "" : "2025-10-08");
            Read++;
            return true;
        }

        public override void Dispose()
        {
        }
    }
}
