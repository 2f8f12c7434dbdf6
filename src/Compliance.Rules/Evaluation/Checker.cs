using System.Reflection;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.CrossRecord;
using Compliance.Rules.Workflows;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// Judges feeds against a rule set as of one date. Per-record checks are RulesEngine rules (the built-in ones
/// shipped as embedded workflows, then the rule set's own) compiled once to delegates over facts resolved by
/// hash; cross-record checks are NRules rules. A Checker is immutable and may judge many runs.
/// </summary>
public sealed class Checker
{
    private readonly RuleSet _ruleSet;

    private Checker(
        RuleSet ruleSet,
        IReadOnlyList<CompiledRule<CaseFacts>> caseRules,
        IReadOnlyList<CompiledRule<StageFacts>> stageRules,
        IReadOnlyList<CompiledRule<ChargeFacts>> chargeRules)
    {
        _ruleSet = ruleSet;
        CaseRules = [.. caseRules];
        StageRules = [.. stageRules];
        ChargeRules = [.. chargeRules];
        Duplicate = CrossRecordCheck.Duplicate.With(ruleSet.Settings);
        OutOfOrder = CrossRecordCheck.OutOfOrder.With(ruleSet.Settings);
        WarningTalk = CrossRecordCheck.WarningTalk.With(ruleSet.Settings);
    }

    public RuleSet RuleSet => _ruleSet;

    // Arrays, not lists behind an interface: judging runs every rule on every record, and an interface call per rule
    // and record goes through a dispatch stub.
    internal CompiledRule<CaseFacts>[] CaseRules { get; }
    internal CompiledRule<StageFacts>[] StageRules { get; }
    internal CompiledRule<ChargeFacts>[] ChargeRules { get; }

    /// <summary>The cross-record checks with settings applied; null when switched off.</summary>
    internal CrossRecordCheck? Duplicate { get; }
    internal CrossRecordCheck? OutOfOrder { get; }
    internal CrossRecordCheck? WarningTalk { get; }

    /// <summary>Every rule this checker runs, with the subject kind it judges (<c>case:</c>, <c>charge:</c>, <c>stage:</c>, <c>unit:</c>).</summary>
    public IReadOnlyList<(string Rule, string SubjectPrefix)> Rules
    {
        get
        {
            var list = new List<(string, string)>();
            list.AddRange(CaseRules.Select(r => (r.Name, Subjects.CasePrefix)));
            list.AddRange(StageRules.Select(r => (r.Name, Subjects.StagePrefix)));
            if (OutOfOrder is not null)
            {
                list.Add((OutOfOrder.Code, Subjects.StagePrefix));
            }
            list.AddRange(ChargeRules.Select(r => (r.Name, Subjects.ChargePrefix)));
            if (Duplicate is not null)
            {
                list.Add((Duplicate.Code, Subjects.ChargePrefix));
            }
            if (WarningTalk is not null)
            {
                list.Add((WarningTalk.Code, Subjects.UnitPrefix));
            }
            return list;
        }
    }

    /// <summary>Compiles every workflow of the rule set and the built-in rules; throws <see cref="RuleSetException"/> on any problem.</summary>
    public static Checker Create(RuleSet ruleSet)
    {
        var problems = new List<RuleSetProblem>();
        var sources = new List<RuleSource>();
        foreach (var name in new[] { "cases", "stages", "charges" })
        {
            sources.AddRange(WorkflowReader.Read($"(built-in)/{name}.json", ReadBuiltIn(name), builtIn: true, problems));
        }
        var builtInNames = new HashSet<string>(BuiltInChecks.Codes, StringComparer.Ordinal);
        var customNames = new Dictionary<string, RuleSource>(StringComparer.Ordinal);
        foreach (var file in ruleSet.Workflows)
        {
            foreach (var source in WorkflowReader.Read(file.Path, file.Json, builtIn: false, problems))
            {
                var name = source.Rule.RuleName;
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }
                if (builtInNames.Contains(name))
                {
                    problems.Add(new RuleSetProblem(source.File, source.Line, source.Column,
                        $"规则 {name}：这是内置检查的代码；内置检查请通过 settings.json 的 \"checks\" 调整"));
                    continue;
                }
                if (customNames.TryGetValue(name, out var first))
                {
                    problems.Add(new RuleSetProblem(source.File, source.Line, source.Column,
                        $"规则 {name}：RuleName 重复（首次出现于 {first.File}:{first.Line}）"));
                    continue;
                }
                customNames[name] = source;
                sources.Add(source);
            }
        }

        var compiler = new RuleCompiler();
        var cases = new List<CompiledRule<CaseFacts>>();
        var stages = new List<CompiledRule<StageFacts>>();
        var charges = new List<CompiledRule<ChargeFacts>>();
        foreach (var source in sources)
        {
            if (source.BuiltIn && ruleSet.Settings.Checks.TryGetValue(source.Rule.RuleName, out var o) && o.Enabled == false)
            {
                continue;
            }
            // A custom rule switched off with "Enabled": false is still compiled, so that a typo in it is found
            // now and not on the day an author switches it on; it is then left out.
            var runs = source.Rule.Enabled;
            switch (source.Kind)
            {
                case WorkflowKind.Cases:
                    Add(cases, compiler.Compile<CaseFacts>(source, ruleSet.Settings, problems), runs);
                    break;
                case WorkflowKind.Stages:
                    Add(stages, compiler.Compile<StageFacts>(source, ruleSet.Settings, problems), runs);
                    break;
                case WorkflowKind.Charges:
                    Add(charges, compiler.Compile<ChargeFacts>(source, ruleSet.Settings, problems), runs);
                    break;
            }
        }
        if (problems.Count > 0)
        {
            throw new RuleSetException(problems);
        }
        // With the workflows, so that a check that compiles while it reads its feeds has nothing left to compile.
        CrossRecordRules.Compile();
        return new Checker(ruleSet, cases, stages, charges);
    }

    /// <summary>Judges every record of <paramref name="data"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="RuleEvaluationException">A rule failed while it ran.</exception>
    public CheckResult Check(FeedData data, DateOnly asOf)
    {
        return new Judgement(this, data, asOf).Execute();
    }

    /// <summary>
    /// Judges the same inputs as <paramref name="baseline"/> (same files, same rule set: the caller checks their
    /// hashes) as of a later date, re-judging only what time can change: clocks still running at the baseline's
    /// date, records newly in range, and the cross-record checks. The result is the one a full run gives.
    /// </summary>
    public CheckResult CheckSince(FeedData data, DateOnly asOf, Baseline baseline)
    {
        if (asOf < baseline.AsOf)
        {
            throw new ArgumentException($"An incremental run goes forward in time: {asOf:yyyy-MM-dd} is before the baseline's {baseline.AsOf:yyyy-MM-dd}.", nameof(asOf));
        }
        return new Judgement(this, data, asOf, baseline: baseline).Execute();
    }

    /// <summary>As <see cref="Check(FeedData, DateOnly)"/> on at most <paramref name="threads"/> threads (the output is the same whatever the number).</summary>
    internal CheckResult Check(FeedData data, DateOnly asOf, int threads)
    {
        return new Judgement(this, data, asOf, threads).Execute();
    }

    /// <summary>Judges the run and then traces one subject: its facts, every rule's outcome and its findings.</summary>
    public SubjectTrace Trace(FeedData data, DateOnly asOf, string subject)
    {
        var judgement = new Judgement(this, data, asOf);
        judgement.Execute();
        return new SubjectTracer(judgement).Trace(subject);
    }

    private static void Add<T>(List<CompiledRule<T>> list, CompiledRule<T>? rule, bool runs)
    {
        if (rule is not null && runs)
        {
            list.Add(rule);
        }
    }

    private static string ReadBuiltIn(string name)
    {
        var assembly = typeof(Checker).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Compliance.Rules.BuiltIn.{name}.json")
            ?? throw new InvalidOperationException($"built-in workflow {name}.json is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
