using System.Text;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The planted bad rows give exactly the planted rejects, at the physical lines the summary names.</summary>
public sealed class BadRowTests : IClassFixture<SampleSizedDataSet>
{
    private static readonly string[] Reasons =
    [
        RejectReason.MissingRequired, RejectReason.BadDate, RejectReason.BadNumber, RejectReason.NegativeAmount,
        RejectReason.UnknownValue, RejectReason.EndBeforeStart, RejectReason.DuplicateKey, RejectReason.BadRow,
    ];

    private readonly SampleSizedDataSet _sample;

    public BadRowTests(SampleSizedDataSet sample) => _sample = sample;

    [Fact]
    public void Generate_WithBadRows_ReaderRejectsExactlyThePlantedRows()
    {
        var rejected = _sample.Data.Rejects.Select(r => (r.Feed, r.File, r.Line, r.Column, r.Reason));
        var planted = _sample.Summary.Rejects.Select(r => (r.Feed, r.File, r.Line, r.Column, r.Reason));

        rejected.Should().BeEquivalentTo(planted);
    }

    [Fact]
    public void Generate_FourBadRowsPerFeed_CoversEveryRejectReason()
    {
        _sample.Summary.Rejects.Select(r => r.Reason).Distinct().Should().BeEquivalentTo(Reasons);
    }

    [Fact]
    public void Generate_IdenticalDuplicates_AreCountedOnceNotRejected()
    {
        _sample.Summary.Duplicates.Should().NotBeEmpty();
        foreach (var feed in new[] { "cases", "charges", "stages" })
        {
            _sample.Data.Stats[feed].Duplicate.Should().Be(_sample.Summary.Duplicates.Count(d => d.Feed == feed), feed);
        }
    }

    [Fact]
    public void Generate_WithBadRows_AcceptsEveryDataRow()
    {
        foreach (var (feed, rows) in _sample.Summary.DataRows)
        {
            _sample.Data.Stats[feed].Accepted.Should().Be(rows, feed);
        }
    }

    [Fact]
    public void Generate_FirstCasesBadRow_FollowsAMultiLineQuotedField()
    {
        var badRow = _sample.Summary.Rejects.First(r => r.Feed == "cases" && r.Reason == RejectReason.BadRow);
        var lines = CasesLines();

        var previous = _sample.Data.Cases.Single(c => c.Line == badRow.Line - 2);
        previous.Applicant.Should().Contain("\n");
        lines[badRow.Line - 3].Should().StartWith(previous.CaseId);
        lines[badRow.Line - 2].Should().NotStartWith("XK-", "the line holds the second half of the quoted applicant");
        lines[badRow.Line - 1].Should().StartWith("XK-");
        lines[badRow.Line - 1].Split(',').Should().HaveCount(11, "the bad row lacks the last of the 12 fields");
    }

    [Fact]
    public void Generate_Rejects_NameTheColumnAsTheFileWroteIt()
    {
        var amount = _sample.Summary.Rejects.First(r => r.Reason == RejectReason.NegativeAmount);

        amount.Column.Should().Be("收费金额(必填)");
        _sample.Summary.Rejects.Where(r => r.Reason == RejectReason.BadRow).Should().OnlyContain(r => r.Column.Length == 0);
    }

    /// <summary>The physical lines of cases.csv: line n is element n − 1.</summary>
    private string[] CasesLines()
    {
        var text = File.ReadAllText(Path.Combine(_sample.Folder, "cases.csv"), Gb18030());
        return [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];
    }

    private static Encoding Gb18030() => CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
}
