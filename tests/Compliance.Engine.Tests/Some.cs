using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests;

/// <summary>Builders for test inputs: tests name only the fields they care about.</summary>
internal static class Some
{
    public const string CasesHeader = "办件编号,事项编码,受理单位编码,受理时间,办结时间,法定时限,办件状态";
    public const string ProceduresHeader = "办件编号,特别程序种类,开始时间,结束时间,延长天数";
    public const string ChargesHeader = "缴款单号,办件编号,收费项目编码,收费金额,收费时间";
    public const string StagesHeader = "项目代码,环节,责任单位编码,开始时间,完成时间,时限,时限单位";

    /// <summary>The tiny stage catalogue of the ingest tests: the five canonical stages and one alias.</summary>
    public static StageCatalog Stages() =>
        new([], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string> { ["施工许可"] = "建设" });

    public static string CaseRow(
        string id = "C1", string item = "I1", string unit = "U1", string accepted = "2025-10-08",
        string decided = "", string limit = "", string status = "") =>
        string.Join(",", id, item, unit, accepted, decided, limit, status);

    public static string ProcedureRow(
        string caseId = "C1", string kind = "1", string start = "2025-10-10", string end = "", string days = "") =>
        string.Join(",", caseId, kind, start, end, days);

    public static string ChargeRow(
        string id = "F1", string caseId = "C1", string fee = "FEE1", string amount = "10", string charged = "2025-10-09") =>
        string.Join(",", id, caseId, fee, amount, charged);

    public static string StageRow(
        string project = "P1", string stage = "立项", string unit = "U1", string started = "2025-10-08",
        string completed = "", string limit = "", string limitUnit = "") =>
        string.Join(",", project, stage, unit, started, completed, limit, limitUnit);

    /// <summary>Lines joined with LF, as one CSV text (the header is line 1).</summary>
    public static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>Reads one feed from text encoded as UTF-8 without BOM.</summary>
    public static FeedData Read(string feed, string text, string? fileName = null) =>
        Read(feed, Encoding.UTF8.GetBytes(text), fileName ?? feed + ".csv");

    public static FeedData Read(string feed, byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        return FeedReader.ReadStream(feed, stream, fileName, Stages());
    }

    /// <summary>Reads cases first and then another feed, as a run does, in one ingest.</summary>
    public static FeedData ReadAfterCases(string casesCsv, string feed, string text)
    {
        var ingest = new FeedIngest(Stages());
        using (var cases = new MemoryStream(Encoding.UTF8.GetBytes(casesCsv)))
        {
            ingest.ReadFile("cases", cases, "cases.csv");
        }
        using (var other = new MemoryStream(Encoding.UTF8.GetBytes(text)))
        {
            ingest.ReadFile(feed, other, feed + ".csv");
        }
        return ingest.Data;
    }

    /// <summary>The parts of a reject a test pins down; the message is checked separately where it matters.</summary>
    public static (int Line, string Column, string Value, string Reason) Shape(Reject reject) =>
        (reject.Line, reject.Column, reject.Value, reject.Reason);
}
