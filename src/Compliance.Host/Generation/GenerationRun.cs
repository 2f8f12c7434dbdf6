using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// The order things are written in: case bundles one by one, counter charges and key projects interleaved to
/// keep their ratios, bad rows at their places. With a breach rate above zero, every kind of breach and the
/// notable compliant shapes are planted first (so that even a small sample shows each), then a warning-talk
/// group, then breaches at random at the given rate.
/// </summary>
internal sealed class GenerationRun
{
    private static readonly BreachKind[] CaseKinds =
    [
        BreachKind.CaseOverdueStatutory, BreachKind.CaseOverdueStatutoryOpen, BreachKind.CaseOverdueStatutorySuspended,
        BreachKind.CaseOverdueStatutoryExtended, BreachKind.CaseOverduePromised, BreachKind.CaseOverduePromisedOpen, BreachKind.CaseDueSoon,
    ];

    private static readonly BreachKind[] FeeKinds =
    [
        BreachKind.FeeUnknown, BreachKind.FeeNotInForce, BreachKind.FeeAbolished, BreachKind.FeeSuspended, BreachKind.FeeExemptCharged,
        BreachKind.FeeOutOfScope, BreachKind.FeeOverStandard, BreachKind.FeeOverStandardByOneFen, BreachKind.FeeUnauthorizedCollector,
        BreachKind.FeeFreeItemCharged, BreachKind.FeeDuplicate,
    ];

    private static readonly BreachKind[] StageKinds =
    [
        BreachKind.StageOverdueWorking, BreachKind.StageOverdueCalendar, BreachKind.StageOverdueOpen,
        BreachKind.StageDueSoonWorking, BreachKind.StageDueSoonCalendar, BreachKind.StageOutOfOrder,
    ];

    private static readonly CaseShape[] ForcedShapes =
    [
        CaseShape.SuspensionRescued, CaseShape.ExtensionRescued, CaseShape.OpenSuspended, CaseShape.Open,
        CaseShape.Void, CaseShape.Returned, CaseShape.Suspended,
    ];

    private static readonly CaseShape[] Shapes =
    [
        CaseShape.Decided, CaseShape.Open, CaseShape.Void, CaseShape.Returned, CaseShape.SuspensionRescued,
        CaseShape.Suspended, CaseShape.OpenSuspended, CaseShape.ExtensionRescued,
    ];

    private static readonly double[] ShapeWeights = [0.905, 0.03, 0.008, 0.007, 0.015, 0.01, 0.005, 0.02];

    /// <summary>Stages per key project, about: a stage breach is planted per project at this many times the rate.</summary>
    private const double StagesPerProject = 4;

    private readonly GenerationContext _context;
    private readonly FeedOutput[] _outputs;
    private readonly BadRowWriter _badRows;
    private readonly CasePlanner _cases;
    private readonly ChargePlanner _charges;
    private readonly ProjectPlanner _projects;
    private readonly FeeBreachFinder _fees;
    private readonly List<BreachKind> _caseKinds;
    private readonly List<BreachKind> _feeKinds;
    private readonly List<BreachKind> _stageKinds;

    public GenerationRun(GenerationContext context, FeedOutput cases, FeedOutput procedures, FeedOutput charges, FeedOutput stages)
    {
        _context = context;
        _outputs = [cases, procedures, charges, stages];
        _badRows = new BadRowWriter(context);
        _charges = new ChargePlanner(context, charges, _badRows);
        _cases = new CasePlanner(context, cases, procedures, _charges, _badRows);
        _projects = new ProjectPlanner(context, stages, _badRows);
        _fees = new FeeBreachFinder(context);
        var policy = context.Policy;
        _caseKinds = [.. CaseKinds.Where(k => policy.Enabled(CheckPolicy.CodeOf(k)))];
        _feeKinds = [.. FeeKinds.Where(k => policy.Enabled(CheckPolicy.CodeOf(k)))];
        _stageKinds = [.. StageKinds.Where(k => policy.Enabled(CheckPolicy.CodeOf(k)))];

        var n = context.Options.Cases;
        var bad = context.Options.BadRowsPerFeed;
        _badRows.Schedule(cases, bad, n);
        _badRows.Schedule(procedures, bad, (int)Math.Ceiling(n * DataGenerator.ProceduresPerCase));
        _badRows.Schedule(charges, bad, (int)Math.Ceiling(n * DataGenerator.ChargesPerCase));
        _badRows.Schedule(stages, bad, (int)Math.Ceiling(n * DataGenerator.StagesPerCase));
    }

    private SeededRandom Random => _context.Random;
    private double Rate => _context.Options.BreachRate;

    public void Execute()
    {
        var forced = Rate > 0 ? ForcedBundles() : [];
        var forcedStages = Rate > 0 ? new Queue<BreachKind>(_stageKinds) : new Queue<BreachKind>();
        var cases = _context.Options.Cases;
        for (var i = 0; i < cases; i++)
        {
            var request = i < forced.Count ? forced[i]() : RandomBundle();
            if (request.Applicant == ApplicantForm.Single && i is 1 or 2)
            {
                // The first bundles show the quoting a reader must handle: a comma inside a field, a field over two lines.
                request = request with { Applicant = i == 1 ? ApplicantForm.CommaJoint : ApplicantForm.MultiLine };
            }
            _cases.Write(request);
            var chargeTarget = DataGenerator.ChargesPerCase * (i + 1);
            while (_charges.Written < chargeTarget && _charges.WriteCounterCharge())
            {
            }
            WriteProjects(DataGenerator.StagesPerCase * (i + 1), forcedStages);
        }
        // A small data set reaches its stage count before every planted project is written.
        while (forcedStages.Count > 0 && cases > 0)
        {
            _projects.WriteBreach(forcedStages.Dequeue(), forced: true);
        }
        foreach (var output in _outputs)
        {
            _badRows.FlushAll(output);
        }
        foreach (var kind in forced.Count > 0 ? CaseKinds.Concat(FeeKinds).Concat(StageKinds) : [])
        {
            if (!_context.Summary.BreachList.Any(b => b.Kind == kind))
            {
                _context.Summary.NotPlantedSet.Add(kind);
            }
        }
        if (_context.Policy.Enabled(BuiltInChecks.UnitWarningTalk))
        {
            foreach (var unit in _context.Ledger.UnitsReaching(_context.View.Settings.WarningTalkRedFindings))
            {
                _context.Summary.WarningTalkSet.Add(unit);
            }
        }
    }

    private void WriteProjects(double target, Queue<BreachKind> forced)
    {
        var failures = 0;
        while (_projects.Written < target && failures < 10)
        {
            var before = _projects.Written;
            if (forced.Count > 0)
            {
                var kind = forced.Dequeue();
                _projects.WriteBreach(kind, forced: true);
            }
            else if (_stageKinds.Count > 0 && Random.Chance(Math.Min(1, Rate * StagesPerProject)))
            {
                var kind = Random.Pick(_stageKinds);
                if (!_projects.WriteBreach(kind, forced: false))
                {
                    _projects.WriteCompliant();
                }
            }
            else
            {
                _projects.WriteCompliant();
            }
            failures = _projects.Written > before ? 0 : failures + 1;
        }
    }

    /// <summary>Every case and fee breach kind once, the notable compliant shapes once, then a warning-talk group.</summary>
    private List<Func<BundleRequest>> ForcedBundles()
    {
        var forced = new List<Func<BundleRequest>>();
        foreach (var kind in _caseKinds)
        {
            forced.Add(() => new BundleRequest { CaseBreach = kind });
        }
        foreach (var shape in ForcedShapes)
        {
            forced.Add(() => new BundleRequest { Shape = shape });
        }
        foreach (var kind in _feeKinds)
        {
            forced.Add(() => FeeBundle(kind, recentUnit: null) ?? new BundleRequest());
        }
        if (_context.Policy.Enabled(BuiltInChecks.UnitWarningTalk) && _caseKinds.Contains(BreachKind.CaseOverdueStatutory))
        {
            var unit = BusiestUnit();
            BreachKind[] group = [BreachKind.CaseOverdueStatutoryOpen, BreachKind.FeeUnknown, BreachKind.CaseOverdueStatutory, BreachKind.FeeAbolished];
            for (var j = 0; j < _context.View.Settings.WarningTalkRedFindings; j++)
            {
                var kind = group[j % group.Length];
                forced.Add(() => (_feeKinds.Contains(kind) ? FeeBundle(kind, unit) : null)
                    ?? new BundleRequest { CaseBreach = kind == BreachKind.CaseOverdueStatutory ? kind : BreachKind.CaseOverdueStatutoryOpen, Unit = unit, Recent = true });
            }
        }
        return forced;
    }

    private BundleRequest RandomBundle()
    {
        var roll = Random.Unit();
        if (roll < Rate && _caseKinds.Count > 0)
        {
            return new BundleRequest { CaseBreach = Random.Pick(_caseKinds) };
        }
        if (roll < Rate * (1 + DataGenerator.ChargesPerCase) && _feeKinds.Count > 0)
        {
            var kind = Random.Pick(_feeKinds);
            if (FeeBundle(kind, recentUnit: null) is { } bundle)
            {
                return bundle;
            }
        }
        return new BundleRequest { Shape = Shapes[Random.Weighted(ShapeWeights)] };
    }

    /// <summary>
    /// A bundle carrying a charge of <paramref name="kind"/> on a working day of the data's span (for the
    /// warning-talk group: in the last two months, in <paramref name="recentUnit"/>); null, and the kind no longer
    /// drawn, when the catalogue cannot host it.
    /// </summary>
    private BundleRequest? FeeBundle(BreachKind kind, string? recentUnit)
    {
        var days = _context.Days;
        var latest = days.RollBack(_context.AsOf);
        var earliest = recentUnit is null ? _context.WindowStart.AddDays(10) : _context.AsOf.AddDays(-60);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var day = days.RandomWorkingDay(Random, earliest, latest);
            if (_fees.Find(kind, day, recentUnit) is { } plan)
            {
                return new BundleRequest { FeeBreach = plan, Unit = recentUnit };
            }
        }
        if (recentUnit is null)
        {
            _feeKinds.Remove(kind);
        }
        return null;
    }

    /// <summary>The unit that handles the most items: a warning talk there is the most plausible.</summary>
    private string BusiestUnit() =>
        _context.View.Items.SelectMany(i => i.Units)
            .GroupBy(u => u, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
}
