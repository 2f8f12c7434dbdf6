using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Workflows;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// What one slice of a judgement produced: findings, rule errors and bookkeeping. Slices are judged in
/// parallel, each into its own part, and merged in slice order, so the result does not depend on threads.
/// </summary>
internal sealed class JudgementPart
{
    private readonly Judgement _j;

    // One instance of facts per part, refilled for each record: millions of records, and no rule keeps its facts.
    private CaseFacts? _caseFacts;
    private ChargeFacts? _chargeFacts;

    // A slice's orphans are gathered here, one list per judging thread, and kept as an array of their exact number:
    // a list per slice would grow by doubling, hundreds of thousands of ids over a run.
    [ThreadStatic]
    private static List<OrdinalKey>? t_orphans;

    /// <summary>Charges whose cases are read ahead together: enough reads in flight to hide their waits, few enough to stay in the caches.</summary>
    private const int PrefetchBlock = 64;

    // The catalogue looked up by the codes' string instances, which repeat: see CodeMemo.
    private readonly CodeMemo<Unit> _units;
    private readonly CodeMemo<Item> _items;
    private readonly CodeMemo<Fee> _fees;

    // Keeps the reads of Judgement.ReadAheadCasesOf from being optimised away; per part, so that no two threads
    // write one field.
    private int _prefetched;

    public JudgementPart(Judgement judgement)
    {
        _j = judgement;
        _units = new(judgement.RuleSet.Units);
        _items = new(judgement.RuleSet.Items);
        _fees = new(judgement.RuleSet.Fees);
    }

    public List<Finding> Findings { get; } = [];

    /// <summary>Puts <see cref="Findings"/> in the run's order (<see cref="FindingOrder"/>), for the merge of all parts.</summary>
    public void SortFindings() => Findings.Sort(FindingOrder.Instance);
    /// <summary>The slice's first failures, at most <see cref="RuleEvaluationException.Kept"/>; <see cref="ErrorCount"/> counts all.</summary>
    public List<RuleError> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public List<(int Year, string Subject)> Missing { get; } = [];
    /// <summary>In ordinal order once the slice is judged, as keys for the merge of all slices.</summary>
    public OrdinalKey[] Orphans { get; private set; } = [];
    public Dictionary<string, int> Future { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Judged { get; } = new(StringComparer.Ordinal);
    public HashSet<string> UnknownUnits { get; } = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void JudgeCases(int from, int to)
    {
        var rs = _j.RuleSet;
        var cases = _j.Data.Cases;
        var caseRules = _j.Checker.CaseRules;
        var judged = 0;
        for (var i = from; i < to; i++)
        {
            var c = cases[i];
            NoteUnit(c.UnitCode);
            // Future-dated first: checks.md counts every record dated after T, void and returned cases included.
            if (c.AcceptedOn > _j.AsOf)
            {
                CountFuture("cases");
                continue;
            }
            if (c.Status is CaseStatus.Void or CaseStatus.Returned)
            {
                continue;
            }
            // A case decided by the baseline's date has a stopped clock: its verdict is the baseline's.
            if (!_j.CasesWhole && c.AcceptedOn <= _j.Baseline!.AsOf && c.DecidedOn is { } decided && decided <= _j.Baseline.AsOf)
            {
                judged += TakeOver(_j.Baseline.Cases, c.CaseId, Subjects.CasePrefix);
                continue;
            }
            var facts = CaseClock.Compute(c, _j.ProceduresOf(i, c.CaseId), _items.Find(c.ItemCode), rs.Settings, rs.Calendar, _j.AsOf, _caseFacts, out var uncovered);
            if (facts is null)
            {
                Missing.Add((uncovered!.Value, Subjects.Case(c.CaseId)));
                continue;
            }
            _caseFacts = facts;
            judged++;
            for (var r = 0; r < caseRules.Length; r++)
            {
                var rule = caseRules[r];
                if (!Holds(rule, facts, Subjects.CasePrefix, c.CaseId))
                {
                    Emit(rule, facts, Subjects.Case(c.CaseId), c.UnitCode, facts.End, CaseEvidence.For(rule.Name, facts, rs.Settings.WarnDays));
                }
            }
        }
        Count(Judged, "cases", judged);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void JudgeStages(int from, int to)
    {
        var rs = _j.RuleSet;
        var stages = _j.Data.Stages;
        var stageRules = _j.Checker.StageRules;
        var judged = 0;
        for (var i = from; i < to; i++)
        {
            var s = stages[i];
            NoteUnit(s.UnitCode);
            if (s.StartedOn > _j.AsOf)
            {
                CountFuture("stages");
                continue;
            }
            if (!_j.StagesWhole && s.StartedOn <= _j.Baseline!.AsOf && s.CompletedOn is { } completed && completed <= _j.Baseline.AsOf)
            {
                judged += TakeOver(_j.Baseline.Stages, Subjects.StageKey(s.ProjectCode, s.Stage), Subjects.StagePrefix);
                continue;
            }
            var facts = StageClock.Compute(s, rs.Stages, rs.Settings, rs.Calendar, _j.AsOf, out var uncovered);
            var key = Subjects.StageKey(s.ProjectCode, s.Stage);
            if (facts is null)
            {
                Missing.Add((uncovered!.Value, Subjects.StagePrefix + key));
                continue;
            }
            // A stage's facts are new objects, unlike a case's or a charge's, which a slice reuses: pages mapped ahead.
            HeapPrefault.After(facts);
            judged++;
            for (var r = 0; r < stageRules.Length; r++)
            {
                var rule = stageRules[r];
                if (!Holds(rule, facts, Subjects.StagePrefix, key))
                {
                    Emit(rule, facts, Subjects.StagePrefix + key, s.UnitCode, facts.End, StageEvidence.For(facts));
                }
            }
        }
        Count(Judged, "stages", judged);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void JudgeCharges(int from, int to)
    {
        var charges = _j.Data.Charges;
        var chargeRules = _j.Checker.ChargeRules;
        var orphans = t_orphans ??= [];
        // Cleared first too: a slice that threw on this thread (a failed run) may have left ids behind.
        orphans.Clear();
        var judged = 0;
        for (var i = from; i < to; i++)
        {
            if ((i - from) % PrefetchBlock == 0)
            {
                _prefetched += _j.ReadAheadCasesOf(charges, i, Math.Min(to, i + PrefetchBlock));
            }
            var ch = charges[i];
            if (!string.IsNullOrWhiteSpace(ch.UnitCode))
            {
                NoteUnit(ch.UnitCode);
            }
            if (ch.ChargedOn > _j.AsOf)
            {
                CountFuture("charges");
                continue;
            }
            // A fee's verdict depends on its date, not on the as-of date: only charges newly in range are judged.
            if (!_j.ChargesWhole && ch.ChargedOn <= _j.Baseline!.AsOf)
            {
                judged++;
                TakeOver(_j.Baseline.Charges, ch.ChargeId, Subjects.ChargePrefix);
                if (_j.CaseOf(ch) is null)
                {
                    orphans.Add(new OrdinalKey(ch.ChargeId));
                }
                continue;
            }
            var facts = _chargeFacts = _j.FactsOf(ch, _chargeFacts, _items, _fees);
            if (!facts.CaseKnown)
            {
                orphans.Add(new OrdinalKey(ch.ChargeId));
            }
            judged++;
            for (var r = 0; r < chargeRules.Length; r++)
            {
                var rule = chargeRules[r];
                if (!Holds(rule, facts, Subjects.ChargePrefix, ch.ChargeId))
                {
                    Emit(rule, facts, Subjects.Charge(ch.ChargeId), facts.Collector ?? "", ch.ChargedOn, ChargeEvidence.For(rule.Name, facts));
                }
            }
        }
        Count(Judged, "charges", judged);
        // Here, on the judging threads, so that the run's list is a merge of sorted slices rather than one long sort;
        // by packed keys, as the ids' text lies all over memory.
        orphans.Sort();
        Orphans = [.. orphans];
        orphans.Clear();
    }

    /// <summary>
    /// Runs a rule; a rule that throws is an error with its file and name, never a finding and never a pass.
    /// The subject is built only when needed: most records pass every rule.
    /// </summary>
    public bool Holds<T>(CompiledRule<T> rule, T facts, string kind, string id)
    {
        try
        {
            return rule.MustHold(facts, _j.Scope);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(rule.Source, rule.Name, kind + id, ex);
            return true;
        }
    }

    public void Emit<T>(CompiledRule<T> rule, T facts, string subject, string unit, DateOnly defaultOccurred, TemplateValues values)
    {
        DateOnly occurred;
        string message;
        try
        {
            occurred = rule.OccurredOn?.Invoke(facts, _j.Scope) ?? defaultOccurred;
            if (rule.MessageTemplate is { } template)
            {
                message = TemplateRenderer.Render(template, values);
            }
            else
            {
                values.Evidence.Add("expression", rule.Source.Rule.Expression ?? $"({rule.Source.Rule.Operator})");
                // A custom rule's ErrorMessage is interpolated ($(…)); braces in it are text, not placeholders.
                message = rule.ErrorMessage.Count == 0
                    ? $"{subject}不符合规则{rule.Name}"
                    : string.Concat(rule.ErrorMessage.Select(p => p.Literal + (p.Value is null ? "" : TemplateRenderer.Format(p.Value(facts, _j.Scope)))));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(rule.Source, rule.Name, subject, ex);
            return;
        }
        Add(rule.Name, rule.Severity, subject, unit, occurred, message, rule.Basis, values);
    }

    /// <summary>Adds a finding whose message is final; the basis is still a template over the evidence.</summary>
    public void Add(string rule, Severity severity, string subject, string unit, DateOnly occurred, string message, string basisTemplate, TemplateValues values)
    {
        var finding = new Finding
        {
            Rule = rule,
            Severity = severity,
            Subject = subject,
            Unit = unit,
            AsOf = _j.AsOf,
            OccurredOn = occurred,
            Message = message,
            Basis = TemplateRenderer.Render(basisTemplate, values),
            Evidence = values.Evidence,
            RuleSet = _j.RuleSet.Label,
            Fingerprint = FindingFingerprint.Of(rule, subject),
        };
        Findings.Add(finding);
        // A finding, its evidence and its texts take a kilobyte or two of fresh pages: the next ones are mapped ahead.
        HeapPrefault.After(finding);
    }

    public void CountFuture(string feed) => Count(Future, feed, 1);

    private void Fail(RuleSource source, string rule, string subject, Exception ex)
    {
        if (++ErrorCount <= RuleEvaluationException.Kept)
        {
            Errors.Add(new RuleError(source.File, source.Line, rule, subject, RuleError.Describe(ex)));
        }
    }

    /// <summary>
    /// Takes over a record's baseline verdict: its findings, re-dated to this run, or its calendar gap.
    /// Returns 1 when the baseline judged it, 0 when a calendar gap kept it from being judged.
    /// </summary>
    private int TakeOver(Dictionary<string, List<Finding>> findings, string id, string kind)
    {
        if (_j.Baseline!.Missing.Count > 0 && _j.Baseline.Missing.TryGetValue(kind + id, out var year))
        {
            Missing.Add((year, kind + id));
            return 0;
        }
        if (findings.TryGetValue(id, out var list))
        {
            foreach (var f in list)
            {
                Findings.Add(f with { AsOf = _j.AsOf });
            }
        }
        return 1;
    }

    private void NoteUnit(string unit)
    {
        if (_units.Find(unit) is null)
        {
            UnknownUnits.Add(unit);
        }
    }

    private static void Count(Dictionary<string, int> counts, string key, int n) =>
        counts[key] = counts.GetValueOrDefault(key) + n;
}
