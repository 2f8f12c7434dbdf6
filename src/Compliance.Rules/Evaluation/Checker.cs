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
    private readonly IReadOnlyList<CompiledRule<CaseFacts>> _caseRules;
    private readonly IReadOnlyList<CompiledRule<StageFacts>> _stageRules;
    private readonly IReadOnlyList<CompiledRule<ChargeFacts>> _chargeRules;
    private readonly CrossRecordCheck? _duplicate;
    private readonly CrossRecordCheck? _outOfOrder;
    private readonly CrossRecordCheck? _warningTalk;

    private Checker(
        RuleSet ruleSet,
        IReadOnlyList<CompiledRule<CaseFacts>> caseRules,
        IReadOnlyList<CompiledRule<StageFacts>> stageRules,
        IReadOnlyList<CompiledRule<ChargeFacts>> chargeRules)
    {
        _ruleSet = ruleSet;
        _caseRules = caseRules;
        _stageRules = stageRules;
        _chargeRules = chargeRules;
        _duplicate = CrossRecordCheck.Duplicate.With(ruleSet.Settings);
        _outOfOrder = CrossRecordCheck.OutOfOrder.With(ruleSet.Settings);
        _warningTalk = CrossRecordCheck.WarningTalk.With(ruleSet.Settings);
    }

    public RuleSet RuleSet => _ruleSet;

    /// <summary>Every rule this checker runs, with the subject kind it judges (<c>case:</c>, <c>charge:</c>, <c>stage:</c>, <c>unit:</c>).</summary>
    public IReadOnlyList<(string Rule, string SubjectPrefix)> Rules
    {
        get
        {
            var list = new List<(string, string)>();
            list.AddRange(_caseRules.Select(r => (r.Name, "case:")));
            list.AddRange(_stageRules.Select(r => (r.Name, "stage:")));
            if (_outOfOrder is not null)
            {
                list.Add((_outOfOrder.Code, "stage:"));
            }
            list.AddRange(_chargeRules.Select(r => (r.Name, "charge:")));
            if (_duplicate is not null)
            {
                list.Add((_duplicate.Code, "charge:"));
            }
            if (_warningTalk is not null)
            {
                list.Add((_warningTalk.Code, "unit:"));
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
                        $"rule {name}: this is a built-in check's code; change a built-in check through settings.json \"checks\""));
                    continue;
                }
                if (customNames.TryGetValue(name, out var first))
                {
                    problems.Add(new RuleSetProblem(source.File, source.Line, source.Column,
                        $"rule {name}: duplicate RuleName (first at {first.File}:{first.Line})"));
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
            if (!source.Rule.Enabled
                || (source.BuiltIn && ruleSet.Settings.Checks.TryGetValue(source.Rule.RuleName, out var o) && o.Enabled == false))
            {
                continue;
            }
            switch (source.Kind)
            {
                case WorkflowKind.Cases:
                    Add(cases, compiler.Compile<CaseFacts>(source, ruleSet.Settings, problems));
                    break;
                case WorkflowKind.Stages:
                    Add(stages, compiler.Compile<StageFacts>(source, ruleSet.Settings, problems));
                    break;
                case WorkflowKind.Charges:
                    Add(charges, compiler.Compile<ChargeFacts>(source, ruleSet.Settings, problems));
                    break;
            }
        }
        if (problems.Count > 0)
        {
            throw new RuleSetException(problems);
        }
        return new Checker(ruleSet, cases, stages, charges);
    }

    /// <summary>Judges every record of <paramref name="data"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="RuleEvaluationException">A rule failed while it ran.</exception>
    public CheckResult Check(FeedData data, DateOnly asOf)
    {
        var run = new Run(this, data, asOf);
        return run.Execute();
    }

    /// <summary>Judges the run and then traces one subject: its facts, every rule's outcome and its findings.</summary>
    public SubjectTrace Trace(FeedData data, DateOnly asOf, string subject)
    {
        var run = new Run(this, data, asOf);
        run.Execute();
        return run.Trace(subject);
    }

    private static void Add<T>(List<CompiledRule<T>> list, CompiledRule<T>? rule)
    {
        if (rule is not null)
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

    /// <summary>The state of one judgement; not shared between threads.</summary>
    private sealed class Run
    {
        private readonly Checker _checker;
        private readonly FeedData _data;
        private readonly DateOnly _asOf;
        private readonly RuleSet _rs;
        private readonly RuleScope _scope;
        private readonly List<Finding> _findings = [];
        private readonly List<RuleError> _errors = [];
        private readonly CheckResult _result;
        private readonly Dictionary<string, CaseRecord> _cases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ProcedureRecord>> _procedures = new(StringComparer.Ordinal);

        public Run(Checker checker, FeedData data, DateOnly asOf)
        {
            _checker = checker;
            _data = data;
            _asOf = asOf;
            _rs = checker._ruleSet;
            _scope = new RuleScope(_rs, asOf);
            _result = new CheckResult { Findings = _findings };
        }

        public CheckResult Execute()
        {
            foreach (var c in _data.Cases)
            {
                _cases.TryAdd(c.CaseId, c);
                NoteUnit(c.UnitCode);
            }
            foreach (var p in _data.Procedures)
            {
                if (!_procedures.TryGetValue(p.CaseId, out var list))
                {
                    list = [];
                    _procedures[p.CaseId] = list;
                }
                list.Add(p);
                if (p.Start > _asOf)
                {
                    Future("procedures");
                }
            }

            JudgeCases();
            JudgeStages();
            JudgeCharges();
            if (_errors.Count > 0)
            {
                throw new RuleEvaluationException(_errors);
            }
            JudgeUnits();

            foreach (var list in _result.CalendarMissing.Values)
            {
                list.Sort(StringComparer.Ordinal);
            }
            _findings.Sort(static (a, b) =>
            {
                var bySubject = string.CompareOrdinal(a.Subject, b.Subject);
                return bySubject != 0 ? bySubject : string.CompareOrdinal(a.Rule, b.Rule);
            });
            return _result;
        }

        public SubjectTrace Trace(string subject)
        {
            var findings = _findings.Where(f => f.Subject == subject).ToList();
            var colon = subject.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? "" : subject[..colon];
            var id = colon < 0 ? subject : subject[(colon + 1)..];
            return kind switch
            {
                "case" => TraceCase(subject, id, findings),
                "stage" => TraceStage(subject, id, findings),
                "charge" => TraceCharge(subject, id, findings),
                "unit" => new SubjectTrace(subject, null, null, CrossOutcomes(findings, _checker._warningTalk), findings),
                _ => new SubjectTrace(subject, null, "主体格式应为 case:<办件编号>、charge:<缴款单号>、stage:<项目代码>/<环节> 或 unit:<单位编码>", [], findings),
            };
        }

        private SubjectTrace TraceCase(string subject, string id, List<Finding> findings)
        {
            var c = _data.Cases.FirstOrDefault(x => x.CaseId == id);
            if (c is null)
            {
                return new SubjectTrace(subject, null, "数据中没有该办件（或该行已被拒收）", [], findings);
            }
            if (c.Status is CaseStatus.Void or CaseStatus.Returned)
            {
                return new SubjectTrace(subject, null, $"办件状态为{(c.Status == CaseStatus.Void ? "作废" : "退回")}，不予判定", [], findings);
            }
            if (c.AcceptedOn > _asOf)
            {
                return new SubjectTrace(subject, null, "受理日期晚于基准日期，不予判定", [], findings);
            }
            var procedures = _procedures.TryGetValue(c.CaseId, out var p) ? (IReadOnlyList<ProcedureRecord>)p : [];
            var facts = CaseClock.Compute(c, procedures, _rs.Items.GetValueOrDefault(c.ItemCode), _rs.Settings, _rs.Calendar, _asOf, out var uncovered);
            if (facts is null)
            {
                return new SubjectTrace(subject, null, $"日历未覆盖{uncovered}年，不予判定（不作推测）", [], findings);
            }
            return new SubjectTrace(subject, facts, null, Outcomes(_checker._caseRules, facts, subject), findings);
        }

        private SubjectTrace TraceStage(string subject, string id, List<Finding> findings)
        {
            var s = _data.Stages.FirstOrDefault(x => $"{x.ProjectCode}/{x.Stage}" == id);
            if (s is null)
            {
                return new SubjectTrace(subject, null, "数据中没有该项目环节（或该行已被拒收）", [], findings);
            }
            if (s.StartedOn > _asOf)
            {
                return new SubjectTrace(subject, null, "开始日期晚于基准日期，不予判定", [], findings);
            }
            var facts = StageClock.Compute(s, _rs.Stages, _rs.Settings, _rs.Calendar, _asOf, out var uncovered);
            var outcomes = facts is null ? [] : Outcomes(_checker._stageRules, facts, subject);
            outcomes.AddRange(CrossOutcomes(findings, _checker._outOfOrder));
            return new SubjectTrace(subject, facts, facts is null ? $"日历未覆盖{uncovered}年，时限不予判定（不作推测）" : null, outcomes, findings);
        }

        private SubjectTrace TraceCharge(string subject, string id, List<Finding> findings)
        {
            var ch = _data.Charges.FirstOrDefault(x => x.ChargeId == id);
            if (ch is null)
            {
                return new SubjectTrace(subject, null, "数据中没有该缴款单（或该行已被拒收）", [], findings);
            }
            if (ch.ChargedOn > _asOf)
            {
                return new SubjectTrace(subject, null, "收费日期晚于基准日期，不予判定", [], findings);
            }
            var @case = ch.CaseId is not null && _cases.TryGetValue(ch.CaseId, out var k) ? k : null;
            var item = @case is not null ? _rs.Items.GetValueOrDefault(@case.ItemCode) : null;
            var facts = new ChargeFacts(ch, @case, item, _rs.Fees.GetValueOrDefault(ch.FeeCode));
            var outcomes = Outcomes(_checker._chargeRules, facts, subject);
            outcomes.AddRange(CrossOutcomes(findings, _checker._duplicate));
            return new SubjectTrace(subject, facts, null, outcomes, findings);
        }

        private List<RuleOutcome> Outcomes<T>(IReadOnlyList<CompiledRule<T>> rules, T facts, string subject) =>
            rules.Select(r => new RuleOutcome(r.Name, r.Source.File, Holds(r, facts, subject))).ToList();

        private static List<RuleOutcome> CrossOutcomes(List<Finding> findings, CrossRecordCheck? check) =>
            check is null ? [] : [new RuleOutcome(check.Code, "(built-in NRules)", !findings.Any(f => f.Rule == check.Code))];

        private void JudgeCases()
        {
            var judged = 0;
            foreach (var c in _data.Cases)
            {
                if (c.Status is CaseStatus.Void or CaseStatus.Returned)
                {
                    continue;
                }
                if (c.AcceptedOn > _asOf)
                {
                    Future("cases");
                    continue;
                }
                var subject = "case:" + c.CaseId;
                var procedures = _procedures.TryGetValue(c.CaseId, out var p) ? (IReadOnlyList<ProcedureRecord>)p : [];
                var item = _rs.Items.TryGetValue(c.ItemCode, out var i) ? i : null;
                var facts = CaseClock.Compute(c, procedures, item, _rs.Settings, _rs.Calendar, _asOf, out var uncovered);
                if (facts is null)
                {
                    Missing(uncovered!.Value, subject);
                    continue;
                }
                judged++;
                foreach (var rule in _checker._caseRules)
                {
                    if (Holds(rule, facts, subject))
                    {
                        continue;
                    }
                    var values = CaseEvidence.For(rule.Name, facts, _rs.Settings.WarnDays);
                    Emit(rule, facts, subject, c.UnitCode, facts.End, values);
                }
            }
            _result.Judged["cases"] = judged;
        }

        private void JudgeStages()
        {
            var judged = 0;
            var forOrder = new List<StageRecord>();
            var projectsWithPrerequisites = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in _data.Stages)
            {
                NoteUnit(s.UnitCode);
                if (s.StartedOn > _asOf)
                {
                    Future("stages");
                    continue;
                }
                forOrder.Add(s);
                if (_rs.Stages.PrerequisitesOf(s.Stage).Count > 0)
                {
                    projectsWithPrerequisites.Add(s.ProjectCode);
                }
                var subject = $"stage:{s.ProjectCode}/{s.Stage}";
                var facts = StageClock.Compute(s, _rs.Stages, _rs.Settings, _rs.Calendar, _asOf, out var uncovered);
                if (facts is null)
                {
                    Missing(uncovered!.Value, subject);
                    continue;
                }
                judged++;
                foreach (var rule in _checker._stageRules)
                {
                    if (Holds(rule, facts, subject))
                    {
                        continue;
                    }
                    Emit(rule, facts, subject, s.UnitCode, facts.End, StageEvidence.For(facts));
                }
            }
            _result.Judged["stages"] = judged;

            if (_checker._outOfOrder is not { } check || projectsWithPrerequisites.Count == 0)
            {
                return;
            }
            var session = CrossRecordRules.NewSession();
            session.Insert(new StageOrderPolicy(_rs.Stages, _asOf));
            session.InsertAll(forOrder.Where(s => projectsWithPrerequisites.Contains(s.ProjectCode)));
            session.Fire();
            foreach (var breach in session.Query<StageOrderBreach>())
            {
                var s = breach.Stage;
                var missing = breach.Missing
                    .Select(m => new Evidence().Add("stage", m.Stage).Add("completed", m.Completed))
                    .ToList();
                var evidence = new Evidence()
                    .Add("project", s.ProjectCode)
                    .Add("stage", s.Stage)
                    .Add("started", s.StartedOn)
                    .Add("prerequisites", breach.Prerequisites.ToList())
                    .Add("missing", missing);
                var missingText = string.Join("、", breach.Missing.Select(m => m.Completed is { } d
                    ? $"{m.Stage}（{d:yyyy-MM-dd}办结）"
                    : $"{m.Stage}（未办结）"));
                var values = new TemplateValues(evidence)
                    .With("id", $"{s.ProjectCode}/{s.Stage}")
                    .With("missingText", missingText)
                    .With("prerequisiteBasis", _rs.Stages.LimitFor(s.Stage, s.StageType)?.Basis ?? "stages.json prerequisites");
                Add(check.Code, check.Severity, $"stage:{s.ProjectCode}/{s.Stage}", s.UnitCode, s.StartedOn, check.Message, check.Basis, values);
            }
        }

        private void JudgeCharges()
        {
            var judged = 0;
            var judgedCharges = new List<ChargeFacts>();
            var keyCounts = new Dictionary<(string, string), int>();
            foreach (var ch in _data.Charges)
            {
                if (!string.IsNullOrWhiteSpace(ch.UnitCode))
                {
                    NoteUnit(ch.UnitCode);
                }
                if (ch.ChargedOn > _asOf)
                {
                    Future("charges");
                    continue;
                }
                var @case = ch.CaseId is not null && _cases.TryGetValue(ch.CaseId, out var k) ? k : null;
                var item = @case is not null && _rs.Items.TryGetValue(@case.ItemCode, out var it) ? it : null;
                var fee = _rs.Fees.TryGetValue(ch.FeeCode, out var f) ? f : null;
                var facts = new ChargeFacts(ch, @case, item, fee);
                if (@case is null)
                {
                    _result.OrphanCharges.Add(ch.ChargeId);
                }
                judged++;
                var subject = "charge:" + ch.ChargeId;
                foreach (var rule in _checker._chargeRules)
                {
                    if (Holds(rule, facts, subject))
                    {
                        continue;
                    }
                    Emit(rule, facts, subject, facts.Collector ?? "", ch.ChargedOn, ChargeEvidence.For(rule.Name, facts));
                }
                if (ch.CaseId is not null)
                {
                    judgedCharges.Add(facts);
                    var key = (ch.CaseId, ch.FeeCode);
                    keyCounts[key] = keyCounts.TryGetValue(key, out var n) ? n + 1 : 1;
                }
            }
            _result.Judged["charges"] = judged;

            if (_checker._duplicate is not { } check)
            {
                return;
            }
            // Only charges whose case and fee repeat can be duplicates; NRules sees just those keys.
            var candidates = judgedCharges.Where(c => keyCounts[(c.CaseId!, c.FeeCode)] > 1).ToList();
            if (candidates.Count == 0)
            {
                return;
            }
            var session = CrossRecordRules.NewSession();
            session.InsertAll(candidates);
            session.Fire();
            foreach (var group in session.Query<DuplicateChargeGroup>())
            {
                var first = group.Charges[0];
                for (var i = 1; i < group.Charges.Count; i++)
                {
                    var c = group.Charges[i];
                    var evidence = new Evidence()
                        .Add("caseId", c.CaseId)
                        .Add("feeCode", c.FeeCode)
                        .Add("chargedOn", c.ChargedOn)
                        .Add("amount", c.Amount)
                        .Add("occurrence", i + 1)
                        .Add("firstCharge", first.ChargeId)
                        .Add("firstChargedOn", first.ChargedOn)
                        .Add("charges", group.Charges.Select(x => x.ChargeId).ToList());
                    var values = new TemplateValues(evidence).With("id", c.ChargeId);
                    Add(check.Code, check.Severity, "charge:" + c.ChargeId, c.Collector ?? "", c.ChargedOn, check.Message, check.Basis, values);
                }
            }
        }

        private void JudgeUnits()
        {
            if (_checker._warningTalk is not { } check)
            {
                return;
            }
            var settings = _rs.Settings;
            var policy = new WarningTalkPolicy(settings.WarningTalkRedFindings, _asOf.AddDays(1 - settings.WarningTalkWindowDays), _asOf);
            var reds = _findings
                .Where(f => f.Severity == Severity.Red && f.Unit.Length > 0)
                .Select(f => new RedFinding(f.Unit, f.Rule, f.Subject, f.OccurredOn))
                .ToList();
            if (reds.Count == 0)
            {
                return;
            }
            var session = CrossRecordRules.NewSession();
            session.Insert(policy);
            session.InsertAll(reds);
            session.Fire();
            foreach (var proposal in session.Query<WarningTalkProposal>())
            {
                var byCode = new Evidence();
                foreach (var g in proposal.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    byCode.Add(g.Key, g.Count());
                }
                var evidence = new Evidence()
                    .Add("unit", proposal.Unit)
                    .Add("windowFrom", policy.WindowFrom)
                    .Add("windowTo", _asOf)
                    .Add("windowDays", settings.WarningTalkWindowDays)
                    .Add("threshold", settings.WarningTalkRedFindings)
                    .Add("redFindings", proposal.Findings.Count)
                    .Add("byCode", byCode);
                var values = new TemplateValues(evidence)
                    .With("id", proposal.Unit)
                    .With("byCodeText", string.Join("，", byCode.Select(kv => $"{kv.Key} {kv.Value}条")));
                Add(check.Code, check.Severity, "unit:" + proposal.Unit, proposal.Unit, _asOf, check.Message, check.Basis, values);
            }
        }

        private bool Holds<T>(CompiledRule<T> rule, T facts, string subject)
        {
            try
            {
                return rule.MustHold(facts, _scope);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _errors.Add(new RuleError(rule.Source.File, rule.Source.Line, rule.Name, subject, $"{ex.GetType().Name}: {ex.Message}"));
                return true;
            }
        }

        private void Emit<T>(CompiledRule<T> rule, T facts, string subject, string unit, DateOnly defaultOccurred, TemplateValues values)
        {
            DateOnly occurred;
            string message;
            try
            {
                occurred = rule.OccurredOn?.Invoke(facts, _scope) ?? defaultOccurred;
                if (rule.MessageTemplate is { } template)
                {
                    message = template;
                }
                else
                {
                    values.Evidence.Add("expression", rule.Source.Rule.Expression ?? $"({rule.Source.Rule.Operator})");
                    message = rule.ErrorMessage.Count == 0
                        ? $"{subject}不符合规则{rule.Name}"
                        : string.Concat(rule.ErrorMessage.Select(p => p.Literal + (p.Value is null ? "" : TemplateRenderer.Format(p.Value(facts, _scope)))));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _errors.Add(new RuleError(rule.Source.File, rule.Source.Line, rule.Name, subject, $"{ex.GetType().Name}: {ex.Message}"));
                return;
            }
            Add(rule.Name, rule.Severity, subject, unit, occurred, message, rule.Basis, values, renderMessage: rule.MessageTemplate is not null);
        }

        private void Add(string rule, Severity severity, string subject, string unit, DateOnly occurred, string message, string basisTemplate, TemplateValues values, bool renderMessage = true)
        {
            // A custom rule's ErrorMessage is already interpolated ($(…)); braces in it are text, not placeholders.
            if (renderMessage)
            {
                message = TemplateRenderer.Render(message, values);
            }
            _findings.Add(new Finding
            {
                Rule = rule,
                Severity = severity,
                Subject = subject,
                Unit = unit,
                AsOf = _asOf,
                OccurredOn = occurred,
                Message = message,
                Basis = TemplateRenderer.Render(basisTemplate, values),
                Evidence = values.Evidence,
                RuleSet = _rs.Label,
                Fingerprint = FindingFingerprint.Of(rule, subject),
            });
        }

        private void NoteUnit(string unit)
        {
            if (!_rs.Units.ContainsKey(unit))
            {
                _result.UnknownUnits.Add(unit);
            }
        }

        private void Future(string feed) =>
            _result.FutureDated[feed] = _result.FutureDated.TryGetValue(feed, out var n) ? n + 1 : 1;

        private void Missing(int year, string subject)
        {
            if (!_result.CalendarMissing.TryGetValue(year, out var list))
            {
                list = [];
                _result.CalendarMissing[year] = list;
            }
            list.Add(subject);
        }
    }
}
