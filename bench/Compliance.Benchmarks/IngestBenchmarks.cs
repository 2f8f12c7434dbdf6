using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Benchmarks;

/// <summary>
/// Ingest of one feed file from memory: decoding, splitting, hashing, parsing, keys and rejects, as
/// <c>FeedReader</c> does for each file of a folder. The files are made here from a fixed seed: charges in UTF-8
/// with a BOM, cases in GB18030 with Chinese headers, each with a few bad rows and duplicates.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int Seed = 20251103;

    private static readonly string[] DateForms = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd HH:mm", "yyyyMMdd"];
    private static readonly string[] Applicants = ["张三", "李四", "江城区启明工作室", "青山众诚物业管理有限公司", "王五"];

    private byte[] _charges = [];
    private byte[] _cases = [];
    private StageCatalog _stages = null!;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ruleSet = BenchData.RuleSet;
        _stages = ruleSet.Stages;
        _charges = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ChargesCsv(ruleSet, Rows))];
        _cases = TextEncodingDetector.StrictGb18030.GetBytes(CasesCsv(ruleSet, Rows / 2));
    }

    [Benchmark]
    public int ChargesUtf8Bom() => Read("charges", _charges, "charges.csv").Charges.Count;

    [Benchmark]
    public int CasesGb18030() => Read("cases", _cases, "cases.csv").Cases.Count;

    private FeedData Read(string feed, byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return FeedReader.ReadStream(feed, stream, fileName, _stages);
    }

    private static string ChargesCsv(RuleSet ruleSet, int rows)
    {
        var random = new Random(Seed);
        var fees = ruleSet.Fees.Values.OrderBy(f => f.Code, StringComparer.Ordinal).ToArray();
        var csv = new StringBuilder("缴款单号(必填),办件编号,收费项目编码(必填),收费项目名称,收费金额(必填),收费时间(必填),收费单位编码,缴款人类型\n");
        for (var i = 0; i < rows; i++)
        {
            var fee = fees[random.Next(fees.Length)];
            var id = i % 997 == 0 && i > 0 ? i - 1 : i;
            var caseId = random.Next(3) == 0 ? "" : $"XK-2025-{random.Next(rows / 2):0000000}";
            var amount = i % 1009 == 0 ? "一百" : (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var unit = random.Next(2) == 0 ? "" : $"U0{random.Next(1, 10)}";
            csv.Append(CultureInfo.InvariantCulture, $"JK{id:0000000000},{caseId},{fee.Code},{fee.Name},{amount},{Date(random)},{unit},个人\n");
        }
        return csv.ToString();
    }

    private static string CasesCsv(RuleSet ruleSet, int rows)
    {
        var random = new Random(Seed + 1);
        var items = ruleSet.Items.Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToArray();
        var csv = new StringBuilder("办件编号,事项编码,事项名称,受理单位编码,受理单位,申请人,申请人类型,受理时间,办结时间,法定时限,承诺时限,办件状态\n");
        for (var i = 0; i < rows; i++)
        {
            var item = items[random.Next(items.Length)];
            var applicant = random.Next(10) == 0 ? $"\"{Applicants[random.Next(Applicants.Length)]},{Applicants[random.Next(Applicants.Length)]}\"" : Applicants[random.Next(Applicants.Length)] + i % 5000;
            var decided = random.Next(4) == 0 ? "" : "2025-10-30 16:00:00";
            var status = decided.Length == 0 ? "在办" : "办结";
            csv.Append(CultureInfo.InvariantCulture, $"XK-2025-{i:0000000},{item.Code},{item.Name},U0{random.Next(1, 10)},市政务服务中心,{applicant},个人,2025-09-{random.Next(1, 29):00} 09:30,{decided},,,{status}\n");
        }
        return csv.ToString();
    }

    private static string Date(Random random) =>
        new DateTime(2024, 1, 1).AddMinutes(random.Next(0, 900_000)).ToString(DateForms[random.Next(DateForms.Length)], CultureInfo.InvariantCulture);
}
