using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.CrossRecord;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// One judgement of a data set as of one date. Per-record rules run over slices of the feeds on every core,
/// each slice into its own <see cref="JudgementPart"/>, alongside the cross-record NRules checks (each its own
/// part, fed only the keys it needs); the parts are merged in a fixed order and the findings sorted: the output is
/// the same bytes whatever the number of threads.
/// </summary>
internal sealed class Judgement
{
    private const int SliceSize = 16_384;

    private KeyIndex<CaseRecord>? _cases;
    private readonly Dictionary<string, List<ProcedureRecord>> _procedures = new(StringComparer.Ordinal);

    // Per case, whether it has procedures; null unless reading placed every procedure's case (then it is exact).
    private bool[]? _withProcedures;
    private readonly List<Finding> _findings = [];
    private readonly ManualResetEventSlim _indexesReady = new();

    private readonly int _threads;

    public Judgement(Checker checker, FeedData data, DateOnly asOf, int threads = -1, Baseline? baseline = null)
    {
        _threads = threads;
        Baseline = baseline;
        // A custom rule reading asOf may change its verdict on any record as days pass: judge that feed whole.
        CasesWhole = baseline is null || checker.CaseRules.Any(r => !r.BuiltIn && r.UsesAsOf);
        StagesWhole = baseline is null || checker.StageRules.Any(r => !r.BuiltIn && r.UsesAsOf);
        ChargesWhole = baseline is null || checker.ChargeRules.Any(r => !r.BuiltIn && r.UsesAsOf);
        Checker = checker;
        Data = data;
        AsOf = asOf;
        RuleSet = checker.RuleSet;
        Scope = new RuleScope(RuleSet, asOf);
    }

    public Checker Checker { get; }

    /// <summary>The earlier judgement an incremental run starts from; null for a full run.</summary>
    public Baseline? Baseline { get; }

    public bool CasesWhole { get; }
    public bool StagesWhole { get; }
    public bool ChargesWhole { get; }
    public FeedData Data { get; }
    public DateOnly AsOf { get; }
    public RuleSet RuleSet { get; }
    public RuleScope Scope { get; }

    /// <summary>Sorted by subject, then rule, once <see cref="Execute"/> has run.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>A charge's case; on a judging thread only once the indexes are built (<see cref="AwaitIndexes"/>).</summary>
    public CaseRecord? CaseOf(string? caseId) => caseId is not null && _cases!.TryFind(caseId, out var i) ? Data.Cases[i] : null;

    /// <summary>
    /// A charge's case: where reading found it, when the case there still holds the very id string reading gave
    /// the charge (so it is that case, ids being unique), else looked up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CaseRecord? CaseOf(ChargeRecord charge)
    {
        var cases = Data.Cases;
        var at = charge.Case.Index;
        if ((uint)at < (uint)cases.Count && cases[at] is var found && ReferenceEquals(found.CaseId, charge.CaseId))
        {
            return found;
        }
        return CaseOf(charge.CaseId);
    }

    /// <summary>
    /// Reads the cases of <paramref name="charges"/> from <paramref name="from"/> to <paramref name="to"/> where
    /// reading found them, all at once, so that <see cref="CaseOf(ChargeRecord)"/> finds them in the caches: in an
    /// export not sorted by case, each is a random read of memory (the list's slot, then the record), and the waits
    /// of independent reads overlap, while those of one charge after another do not. Returns what it read, for the
    /// caller to keep, so that the reads are not optimised away.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadAheadCasesOf(List<ChargeRecord> charges, int from, int to)
    {
        var cases = Data.Cases;
        var read = 0;
        for (var i = from; i < to; i++)
        {
            var at = charges[i].Case.Index;
            if ((uint)at < (uint)cases.Count && cases[at].CaseId is null)
            {
                read++;
            }
        }
        return read;
    }

    public IReadOnlyList<ProcedureRecord> ProceduresOf(string caseId) =>
        _procedures.TryGetValue(caseId, out var list) ? list : Array.Empty<ProcedureRecord>();

    /// <summary>
    /// As <see cref="ProceduresOf(string)"/> for the case at <paramref name="index"/> of the cases: most cases have
    /// none, and a flag per case says so without hashing the id into a table larger than the caches.
    /// </summary>
    public IReadOnlyList<ProcedureRecord> ProceduresOf(int index, string caseId) =>
        _withProcedures is { } flags && !flags[index] ? Array.Empty<ProcedureRecord>() : ProceduresOf(caseId);

    /// <summary>A charge's facts: its case, item, fee and period in force, each looked up by hash.</summary>
    public ChargeFacts FactsOf(ChargeRecord charge) => FactsOf(charge, reuse: null);

    /// <summary>
    /// As <see cref="FactsOf(ChargeRecord)"/>, into <paramref name="reuse"/> when given, and the item and the fee
    /// looked up through a judging part's memos when given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChargeFacts FactsOf(ChargeRecord charge, ChargeFacts? reuse, CodeMemo<Item>? items = null, CodeMemo<Fee>? fees = null)
    {
        CaseRecord? @case;
        Item? item;
        // A case's charges tend to follow each other, and reading gives them the one id string: the case looked up
        // for the charge before is this one's without a probe of the case index, a cache miss per charge.
        if (reuse is not null && charge.CaseId is { } caseId && ReferenceEquals(caseId, reuse.Record.CaseId))
        {
            (@case, item) = (reuse.Case, reuse.Item);
        }
        else
        {
            @case = CaseOf(charge);
            item = @case is null ? null : items is null ? RuleSet.Items.GetValueOrDefault(@case.ItemCode) : items.Find(@case.ItemCode);
        }
        var fee = fees is null ? RuleSet.Fees.GetValueOrDefault(charge.FeeCode) : fees.Find(charge.FeeCode);
        if (reuse is null)
        {
            return new ChargeFacts(charge, @case, item, fee);
        }
        reuse.Reset(charge, @case, item, fee);
        return reuse;
    }

    /// <summary>Blocks until the indexes of cases and procedures are built: cases and charges are judged against them.</summary>
    public void AwaitIndexes() => _indexesReady.Wait();

    public CheckResult Execute()
    {
        var result = new CheckResult { Findings = _findings };
        var bookkeeping = new JudgementPart(this);

        // One queue of work taken strictly in order by every thread: the sequential pieces (the indexes of cases and
        // procedures, the cross-record sessions) come first, so that they overlap with each other and with per-record
        // slices instead of leaving a core idle; charges come last, when the index they need is built.
        var stageOrder = new JudgementPart(this);
        var duplicates = new JudgementPart(this);
        var slices = Slices();
        var parts = new JudgementPart[slices.Count];
        var work = new List<Action> { () => BuildIndexes(bookkeeping) };
        var stageOrderGroups = Checker.OutOfOrder is null ? 0 : Math.Max(1, Environment.ProcessorCount);
        var breaches = new List<StageOrderBreach>[stageOrderGroups];
        for (var g = 0; g < stageOrderGroups; g++)
        {
            var group = g;
            work.Add(() => breaches[group] = FindStageOrderBreaches(group, stageOrderGroups));
        }
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = i;
            work.Add(() =>
            {
                var (feed, from, to) = slices[slice];
                var part = new JudgementPart(this);
                switch (feed)
                {
                    case "cases":
                        AwaitIndexes();
                        part.JudgeCases(from, to);
                        break;
                    case "stages":
                        part.JudgeStages(from, to);
                        break;
                    default:
                        AwaitIndexes();
                        part.JudgeCharges(from, to);
                        break;
                }
                part.SortFindings();
                parts[slice] = part;
            });
        }
        // The duplicate check goes right after the case slices, by when the index it needs is built: no thread waits.
        work.Insert(work.Count - slices.Count(x => x.Feed != "cases"), () =>
        {
            AwaitIndexes();
            JudgeDuplicates(duplicates);
            duplicates.SortFindings();
        });
        RunInOrder(work);

        var errorCount = parts.Sum(p => p.ErrorCount);
        if (errorCount > 0)
        {
            throw new RuleEvaluationException([.. parts.SelectMany(p => p.Errors).Take(RuleEvaluationException.Kept)], errorCount);
        }
        EmitStageOrder(stageOrder, breaches.SelectMany(b => b));

        bookkeeping.SortFindings();
        stageOrder.SortFindings();
        var all = parts.Prepend(bookkeeping).Append(stageOrder).Append(duplicates).ToList();
        foreach (var part in all)
        {
            foreach (var (year, subject) in part.Missing)
            {
                if (!result.CalendarMissing.TryGetValue(year, out var list))
                {
                    list = [];
                    result.CalendarMissing[year] = list;
                }
                list.Add(subject);
            }
            result.UnknownUnits.UnionWith(part.UnknownUnits);
            foreach (var (feed, n) in part.Future)
            {
                result.FutureDated[feed] = result.FutureDated.GetValueOrDefault(feed) + n;
            }
            foreach (var (feed, n) in part.Judged)
            {
                result.Judged[feed] = result.Judged.GetValueOrDefault(feed) + n;
            }
        }
        foreach (var feed in new[] { "cases", "stages", "charges" })
        {
            result.Judged.TryAdd(feed, 0);
        }

        // What is left shares nothing but the parts' findings, which no one changes now. The warning talks, which
        // count the reds of all parts, take about as long as the merges of the orphan list (hundreds of thousands
        // of ids) and of the parts' findings (each part sorted on the thread that judged it) together: the two sides
        // run side by side, and the talks' few findings are put in their places last.
        MergedKeys? orphans = null;
        var units = new JudgementPart(this);
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = _threads > 0 ? _threads : Environment.ProcessorCount },
            () =>
            {
                orphans = OrdinalOrder.Merge(parts.Select(p => p.Orphans).ToList());
                FindingOrder.Merge(all.ConvertAll(p => (IReadOnlyList<Finding>)p.Findings), _findings);
            },
            () =>
            {
                JudgeWarningTalks(units, all.SelectMany(p => p.Findings));
                foreach (var list in result.CalendarMissing.Values)
                {
                    list.Sort(StringComparer.Ordinal);
                }
            });
        foreach (var finding in units.Findings)
        {
            FindingOrder.Insert(_findings, finding);
        }
        result.OrphanCharges.Capacity = orphans!.Count;
        for (var i = 0; i < orphans.Count; i++)
        {
            result.OrphanCharges.Add(orphans[i].Text);
        }
        result.OrphanChargesOrdered(orphans);
        return result;
    }

    /// <summary>Runs the work on up to <see cref="_threads"/> threads, each taking the next item in list order.</summary>
    private void RunInOrder(List<Action> work)
    {
        var threads = _threads > 0 ? _threads : Environment.ProcessorCount;
        if (threads <= 1)
        {
            foreach (var item in work)
            {
                item();
            }
            return;
        }
        var next = -1;
        Parallel.For(0, Math.Min(threads, work.Count), new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                work[i]();
            }
        });
    }

    private void BuildIndexes(JudgementPart bookkeeping)
    {
        try
        {
            IndexProcedures(bookkeeping);
            _cases = CaseIndex();
        }
        finally
        {
            // Even when building failed: the threads waiting for it must not wait for ever, and the failure surfaces.
            _indexesReady.Set();
        }
    }

    private void IndexProcedures(JudgementPart bookkeeping)
    {
        var cases = Data.Cases;
        var withProcedures = new bool[cases.Count];
        foreach (var p in Data.Procedures)
        {
            var at = p.Case.Index;
            if (withProcedures is not null && (uint)at < (uint)cases.Count && ReferenceEquals(cases[at].CaseId, p.CaseId))
            {
                withProcedures[at] = true;
            }
            else
            {
                withProcedures = null;
            }
            if (!_procedures.TryGetValue(p.CaseId, out var list))
            {
                list = [];
                _procedures[p.CaseId] = list;
            }
            list.Add(p);
            if (p.Start > AsOf)
            {
                bookkeeping.CountFuture("procedures");
            }
        }
        _withProcedures = withProcedures;
    }

    private KeyIndex<CaseRecord> CaseIndex()
    {
        // Reading's index serves while it still files every case (records added since would be missing from it).
        if (Data.CaseKeys is { } read && read.Count == Data.Cases.Count)
        {
            return read;
        }
        var index = new KeyIndex<CaseRecord>(Data.Cases, static c => c.CaseId);
        index.Reserve(Data.Cases.Count);
        for (var i = 0; i < Data.Cases.Count; i++)
        {
            var id = Data.Cases[i].CaseId;
            index.TryAdd(id, KeyIndex<CaseRecord>.HashOf(id), i, out _);
        }
        return index;
    }

    private List<(string Feed, int From, int To)> Slices()
    {
        var slices = new List<(string, int, int)>();
        void Add(string feed, int count)
        {
            for (var from = 0; from < count; from += SliceSize)
            {
                slices.Add((feed, from, Math.Min(count, from + SliceSize)));
            }
        }
        Add("cases", Data.Cases.Count);
        Add("stages", Data.Stages.Count);
        Add("charges", Data.Charges.Count);
        return slices;
    }

    /// <summary>
    /// The out-of-order rule over one group of whole projects (projects are independent; a project's group follows
    /// its code's hash), one NRules session per group: the projects with a stage started by the as-of date that has
    /// prerequisites, with all their stages started by then. Each group's work scans the stages itself, so that
    /// the groups need no sequential step before them.
    /// </summary>
    private List<StageOrderBreach> FindStageOrderBreaches(int group, int groups)
    {
        var projects = new Dictionary<string, List<StageRecord>>(StringComparer.Ordinal);
        var withPrerequisites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Data.Stages)
        {
            if (s.StartedOn > AsOf || (StringComparer.Ordinal.GetHashCode(s.ProjectCode) & int.MaxValue) % groups != group)
            {
                continue;
            }
            if (!projects.TryGetValue(s.ProjectCode, out var rows))
            {
                rows = [];
                projects[s.ProjectCode] = rows;
            }
            rows.Add(s);
            if (RuleSet.Stages.PrerequisitesOf(s.Stage).Count > 0)
            {
                withPrerequisites.Add(s.ProjectCode);
            }
        }
        if (withPrerequisites.Count == 0)
        {
            return [];
        }
        var session = CrossRecordRules.NewSession();
        session.Insert(new StageOrderPolicy(RuleSet.Stages, AsOf));
        session.InsertAll(projects.Where(p => withPrerequisites.Contains(p.Key)).Select(p => new ProjectStages(p.Key, p.Value)));
        session.Fire();
        return session.Query<StageOrderBreach>().ToList();
    }

    private void EmitStageOrder(JudgementPart part, IEnumerable<StageOrderBreach> breaches)
    {
        if (Checker.OutOfOrder is not { } check)
        {
            return;
        }
        foreach (var breach in breaches)
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
                .With("id", Subjects.StageKey(s.ProjectCode, s.Stage))
                .With("missingText", missingText)
                .With("prerequisiteBasis", RuleSet.Stages.LimitFor(s.Stage, s.StageType)?.Basis ?? "stages.json prerequisites");
            part.Add(check.Code, check.Severity, Subjects.Stage(s.ProjectCode, s.Stage), s.UnitCode, s.StartedOn,
                TemplateRenderer.Render(check.Message, values), check.Basis, values);
        }
    }

    private void JudgeDuplicates(JudgementPart part)
    {
        if (Checker.Duplicate is not { } check)
        {
            return;
        }
        var candidates = DuplicateCandidates.Find(Data.Charges, AsOf);
        if (candidates.Count == 0)
        {
            return;
        }
        var session = CrossRecordRules.NewSession();
        session.InsertAll(candidates.Select(i => FactsOf(Data.Charges[i])));
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
                part.Add(check.Code, check.Severity, Subjects.Charge(c.ChargeId), c.Collector ?? "", c.ChargedOn,
                    TemplateRenderer.Render(check.Message, values), check.Basis, values);
            }
        }
    }

    private void JudgeWarningTalks(JudgementPart part, IEnumerable<Finding> findings)
    {
        if (Checker.WarningTalk is not { } check)
        {
            return;
        }
        var settings = RuleSet.Settings;
        // A window reaching back past the first date there is starts at it, rather than out of range.
        var from = DateOnly.FromDayNumber(Math.Max(0, AsOf.DayNumber + 1 - settings.WarningTalkWindowDays));
        var policy = new WarningTalkPolicy(settings.WarningTalkRedFindings, from, AsOf);
        // Only the window's reds reach the session (the rule checks the window again): a run holds tens of
        // thousands of red findings, most of them from long before the window.
        var reds = findings
            .Where(f => f.Severity == Severity.Red && f.Unit.Length > 0 && f.OccurredOn >= policy.WindowFrom && f.OccurredOn <= policy.AsOf)
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
        foreach (var proposal in session.Query<WarningTalkProposal>().OrderBy(p => p.Unit, StringComparer.Ordinal))
        {
            var byCode = new Evidence();
            foreach (var g in proposal.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                byCode.Add(g.Key, g.Count());
            }
            var evidence = new Evidence()
                .Add("unit", proposal.Unit)
                .Add("windowFrom", policy.WindowFrom)
                .Add("windowTo", AsOf)
                .Add("windowDays", settings.WarningTalkWindowDays)
                .Add("threshold", settings.WarningTalkRedFindings)
                .Add("redFindings", proposal.Findings.Count)
                .Add("byCode", byCode);
            var values = new TemplateValues(evidence)
                .With("id", proposal.Unit)
                .With("byCodeText", string.Join("，", byCode.Select(kv => $"{kv.Key} {kv.Value}条")));
            part.Add(check.Code, check.Severity, Subjects.Unit(proposal.Unit), proposal.Unit, AsOf,
                TemplateRenderer.Render(check.Message, values), check.Basis, values);
        }
    }
}
