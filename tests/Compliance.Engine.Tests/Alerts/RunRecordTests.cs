using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Engine.Ingest;
using FindingsSome = Compliance.Engine.Tests.Findings.Some;
using IngestSome = Compliance.Engine.Tests.Some;

namespace Compliance.Engine.Tests.Alerts;

public class RunRecordTests
{
    [Fact]
    public void Of_FeedWhoseOnlyFileCouldNotBeDecoded_NotCovered()
    {
        var ingest = new FeedIngest(IngestSome.Stages());
        var cases = Encoding.UTF8.GetBytes(IngestSome.Csv(IngestSome.CasesHeader, IngestSome.CaseRow())).Concat(new byte[] { 0xFF }).ToArray();
        var charges = Encoding.UTF8.GetBytes(IngestSome.Csv(IngestSome.ChargesHeader, IngestSome.ChargeRow()));
        ingest.ReadFile("cases", new MemoryStream(cases), "cases.csv");
        ingest.ReadFile("charges", new MemoryStream(charges), "charges.csv");

        var record = RunRecord.Of("test", Some.Monday, new DateOnly(2025, 11, 3), FindingsSome.RuleSet(), ingest.Data, FindingsSome.Result(), "{}", 1);

        ingest.Data.Rejects.Should().Contain(r => r.File == "cases.csv" && r.Line == 3);
        record.CoveredFeeds.Should().BeEquivalentTo(["charges"]);
    }
}
