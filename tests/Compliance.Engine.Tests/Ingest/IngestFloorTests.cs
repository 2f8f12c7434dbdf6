using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public sealed class IngestFloorTests
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    [Fact]
    public void Measure_EveryEncodingReading_Accepts_CountsRowsAndParsesDatesAndAmounts()
    {
        using var folder = new TempFolder()
            .With("cases.csv", Gb18030.GetBytes(
                "办件编号,事项编码,受理单位编码,受理时间,办结时间\n" +
                "XK-1,X01,U01,2025-10-09,2025/10/20\n" +
                "XK-2,X01,U01,2025年10月11日,\n"))
            .With("charges.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
                "charge_id,case_id,fee_code,amount,charged_at\n" +
                "J1,XK-1,F01,80.00,2025-10-12 09:30:00\n")])
            .With("stages.csv", "project_code,stage,unit_code,started_at,completed_at\nP1,立项,U01,2025-10-01,\n");

        var (rows, values, _) = IngestFloor.Measure(folder.Path);

        rows.Should().Be(4);
        // Days of the month of every date read, plus the whole yuan of every amount.
        values.Should().Be(9 + 20 + 11 + 12 + 80 + 1);
    }

    [Fact]
    public void Measure_FileInNeitherEncoding_SkipsItWithoutThrowing()
    {
        using var folder = new TempFolder()
            .With("cases.csv", [(byte)'a', (byte)',', (byte)'b', (byte)'\n', 0xFF, 0xFF, 0xFF, (byte)'\n']);

        var (rows, _, _) = IngestFloor.Measure(folder.Path);

        rows.Should().Be(0);
    }
}
