using BenchmarkDotNet.Attributes;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using RulesEngine.Models;

namespace Compliance.Benchmarks;

/// <summary>
/// Judging 10,000 charges through the compiled built-in workflows, against the anchor: the same charge workflow
/// run record by record through RulesEngine's ExecuteAllRulesAsync. Per-record cost = reported time / 10,000.
/// The synthetic charges breach far more often than real data (random fees, dates and amounts), so the
/// Checker_* figures include building evidence and messages for thousands of findings.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int N = 10_000;
    private Checker _checker = null!;
    private FeedData _charges = null!;
    private FeedData _cases = null!;
    private RulesEngine.RulesEngine _engine = null!;
    private ChargeFacts[] _facts = null!;
    private RuleScope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rs = BenchData.RuleSet;
        _checker = Checker.Create(rs);
        _charges = new FeedData();
        _charges.Charges.AddRange(BenchData.Charges(rs, N));
        _cases = new FeedData();
        _cases.Cases.AddRange(BenchData.Cases(rs, N));
        _scope = new RuleScope(rs, BenchData.AsOf);
        _facts = _charges.Charges.Select(c => new ChargeFacts(c, null, null, rs.Fees.GetValueOrDefault(c.FeeCode))).ToArray();
        var json = File.ReadAllText(Path.Combine(BenchData.RepoRoot, "src", "Compliance.Rules", "BuiltIn", "charges.json"));
        var workflows = Newtonsoft.Json.JsonConvert.DeserializeObject<Workflow[]>(json)!;
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings
        {
            CustomTypes = [typeof(ChargeFacts), typeof(FeePeriod), typeof(Fee), typeof(Item), typeof(CaseRecord), typeof(CalendarHelpers), typeof(CatalogHelpers), typeof(Settings)],
            EnableExceptionAsErrorMessage = false,
        });
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RulesEngineExecuteAllRules_Charges()
    {
        var failed = 0;
        foreach (var f in _facts)
        {
            var results = await _engine.ExecuteAllRulesAsync("charges",
                new RuleParameter("charge", f),
                new RuleParameter("cal", _scope.Cal),
                new RuleParameter("catalog", _scope.Catalog),
                new RuleParameter("settings", _scope.Settings),
                new RuleParameter("asOf", _scope.AsOf));
            failed += results.Count(r => !r.IsSuccess);
        }
        return failed;
    }

    /// <summary>The same charge workflow as the baseline, evaluated as this program does: compiled delegates, no per-call bookkeeping.</summary>
    [Benchmark]
    public int CompiledDelegates_Charges()
    {
        var failed = 0;
        var rules = _checker.ChargeRules;
        foreach (var f in _facts)
        {
            for (var i = 0; i < rules.Length; i++)
            {
                if (!rules[i].MustHold(f, _scope))
                {
                    failed++;
                }
            }
        }
        return failed;
    }

    /// <summary>The whole judgement of 10k synthetic charges: facts, rules, evidence and messages of every finding, cross-record checks.</summary>
    [Benchmark]
    public int Checker_Charges() => _checker.Check(_charges, BenchData.AsOf).Findings.Count;

    [Benchmark]
    public int Checker_Cases() => _checker.Check(_cases, BenchData.AsOf).Findings.Count;
}
