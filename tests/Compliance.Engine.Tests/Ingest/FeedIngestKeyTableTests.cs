using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class FeedIngestKeyTableTests
{
    [Fact]
    public void Key_OfEachKeyedFeed_AFunctionOfTheRecordAloneNotOfItsParser()
    {
        // The case key table outlives reading (judging, and the host between runs, keep it): its key function must
        // not hold a parser, and with it the parser's string pools.
        new CaseRowParser().Key.Should().NotBeNull().And.BeSameAs(new CaseRowParser().Key);
        new ChargeRowParser(Lookup).Key.Should().NotBeNull().And.BeSameAs(new ChargeRowParser(Lookup).Key);
        new StageRowParser(Some.Stages()).Key.Should().NotBeNull().And.BeSameAs(new StageRowParser(Some.Stages()).Key);
        new ProcedureRowParser(Lookup).Key.Should().BeNull();

        static string? Lookup(ReadOnlySpan<char> caseId, int near, out int index)
        {
            index = -1;
            return null;
        }
    }

    [Fact]
    public void ReadFile_LargeCsv_KeyTableSizedAheadNotDoubledAllAlong()
    {
        const int rows = 50_000;

        var ingest = ReadCharges(rows);

        // Grown one doubling at a time, 1,024 slots would take seven resizes to hold 50,000 keys.
        var (count, capacity, resizes) = ingest.KeyTable("charges");
        count.Should().Be(rows);
        capacity.Should().Be(1 << 17);
        resizes.Should().BeLessThanOrEqualTo(2);
        ingest.Data.Charges.Select(c => c.ChargeId).Should().Equal(Enumerable.Range(0, rows).Select(i => $"JK{i:0000000000}"));
    }

    [Fact]
    public void ReadFile_LargeCsv_RecordListSizedOnceForTheFile()
    {
        const int rows = 50_000;

        var ingest = ReadCharges(rows);

        // Doubling from a few would end at 65,536 with as much again left behind on the way; sized from the
        // estimate, the list holds the file with at most an eighth to spare.
        ingest.Data.Charges.Should().HaveCount(rows);
        ingest.Data.Charges.Capacity.Should().BeInRange(rows, rows + rows / 8);
    }

    [Fact]
    public void ReadFile_SmallCsv_KeyTableKeepsItsFirstSize()
    {
        var ingest = new FeedIngest(Some.Stages());
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(Some.Csv(Some.CasesHeader, Some.CaseRow("C1"), Some.CaseRow("C2")))))
        {
            ingest.ReadFile("cases", stream, "cases.csv");
        }

        ingest.KeyTable("cases").Should().Be((2, 1024, 0));
    }

    private static FeedIngest ReadCharges(int rows)
    {
        var ingest = new FeedIngest(Some.Stages());
        var csv = Some.Csv([Some.ChargesHeader, .. Enumerable.Range(0, rows).Select(i => Some.ChargeRow(id: $"JK{i:0000000000}", caseId: ""))]);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        ingest.ReadFile("charges", stream, "charges.csv");
        return ingest;
    }
}
