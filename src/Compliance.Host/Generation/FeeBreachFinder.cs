using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// Finds, in the rule set's own catalogue, how to charge a fee so that it breaks one rule on a given date and no
/// other (checks.md steps 1–9): e.g. an over-standard charge is in scope, by an entitled collector, to a payer
/// who is not exempt. Where the catalogue allows several ways, the realistic ones are preferred (an abolished
/// fee charged for the item it used to be charged for, by the unit that used to collect it). The options per
/// kind and date are worked out once and reused.
/// </summary>
internal sealed class FeeBreachFinder
{
    private readonly GenerationContext _context;
    private readonly CatalogView _view;
    private readonly Dictionary<(BreachKind, DateOnly), List<Option>> _cache = [];

    public FeeBreachFinder(GenerationContext context)
    {
        _context = context;
        _view = context.View;
    }

    private SeededRandom Random => _context.Random;

    /// <summary>
    /// A plan for a charge of <paramref name="kind"/> on <paramref name="d"/>, its case in <paramref name="unit"/>
    /// when given; null when the catalogue cannot host that kind on that date.
    /// </summary>
    public FeeBreachPlan? Find(BreachKind kind, DateOnly d, string? unit = null)
    {
        if (kind == BreachKind.FeeNotInForce)
        {
            return NotInForce();
        }
        IReadOnlyList<Option> options = OptionsFor(kind, d);
        if (unit is not null)
        {
            options = [.. options.Where(o => o.CaseUnits.Contains(unit)).Select(o => o with { CaseUnits = [unit] })];
            if (options.Count == 0 && kind == BreachKind.FeeUnknown && _view.NonFree.Count > 0)
            {
                var item = _view.NonFree.FirstOrDefault(p => p.Units.Contains(unit)) ?? _view.NonFree[0];
                options = [new Option(item, [unit], null, null, null, Applicants.All, null, [], true)];
            }
        }
        if (options.Count == 0)
        {
            return null;
        }
        var preferred = options.Where(o => o.Preferred).ToList();
        var option = Random.Pick(preferred.Count > 0 ? preferred : options);
        var payer = PickPayer(option.Item, option.Payers);
        var (code, name) = option.Fee is { } fee ? (fee.Code, fee.Name)
            : kind == BreachKind.FeeDuplicate ? ("", "")
            : Random.Pick(_view.UnknownFees);
        return new FeeBreachPlan
        {
            Kind = kind,
            ChargedOn = d,
            FeeCode = code,
            FeeName = name,
            Amount = AmountFor(kind, option),
            Item = option.Item,
            CaseUnits = option.CaseUnits,
            Collector = option.Collectors is { Count: > 0 } c ? Random.Pick(c) : null,
            ApplicantType = payer,
            PayerColumn = option.PayerColumn,
            Codes = [.. option.ExtraCodes, CheckPolicy.CodeOf(kind)],
        };
    }

    /// <summary>An applicant type among <paramref name="allowed"/>, as likely as it is for the item.</summary>
    public string PickPayer(ItemProfile item, IReadOnlyList<string> allowed)
    {
        var weights = allowed.Select(t => item.ApplicantWeights[Applicants.IndexOf(t)]).ToList();
        return weights.Sum() > 0 ? allowed[Random.Weighted(weights)] : Random.Pick(allowed);
    }

    private decimal AmountFor(BreachKind kind, Option option)
    {
        var max = option.Period?.Max;
        return kind switch
        {
            BreachKind.FeeOverStandard => FeeAmounts.Over(max!.Value, byOneFen: false, Random),
            BreachKind.FeeOverStandardByOneFen => FeeAmounts.Over(max!.Value, byOneFen: true, Random),
            BreachKind.FeeAbolished or BreachKind.FeeSuspended =>
                option.Fee is { } f && CatalogView.HistoricMax(f) is { } old ? old : FeeAmounts.Lump(Random),
            BreachKind.FeeFreeItemCharged when option.ExtraCodes.Count > 0 =>
                option.Fee is { } f && CatalogView.HistoricMax(f) is { } old ? old : FeeAmounts.Lump(Random),
            _ => max is { } m ? FeeAmounts.UpTo(m, Random)
                : option.Fee is { } f && CatalogView.HistoricMax(f) is { } old ? old : FeeAmounts.Lump(Random),
        };
    }

    private List<Option> OptionsFor(BreachKind kind, DateOnly d)
    {
        if (!_cache.TryGetValue((kind, d), out var options))
        {
            options = kind switch
            {
                BreachKind.FeeUnknown => Unknown(),
                BreachKind.FeeAbolished => Stopped(d, FeeStatus.Abolished),
                BreachKind.FeeSuspended => Stopped(d, FeeStatus.Suspended),
                BreachKind.FeeExemptCharged => Exempt(d),
                BreachKind.FeeOutOfScope => OutOfScope(d),
                BreachKind.FeeOverStandard or BreachKind.FeeOverStandardByOneFen => OverStandard(d),
                BreachKind.FeeUnauthorizedCollector => Unauthorized(d),
                BreachKind.FeeFreeItemCharged => FreeItem(d),
                BreachKind.FeeDuplicate => Duplicate(d),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fee breach"),
            };
            _cache[(kind, d)] = options;
        }
        return options;
    }

    private List<Option> Unknown() =>
        _view.UnknownFees.Count == 0 ? [] : [.. _view.NonFree.Select(i => new Option(i, i.Units, null, null, null, Applicants.All, null, [], true))];

    /// <summary>A fee abolished or suspended on d, charged for an item it used to cover.</summary>
    private List<Option> Stopped(DateOnly d, FeeStatus status)
    {
        var options = new List<Option>();
        foreach (var fee in _view.Fees)
        {
            if (fee.PeriodOn(d) is not { } p || p.Status != status)
            {
                continue;
            }
            var scope = CatalogView.HistoricScope(fee);
            var collectors = CatalogView.HistoricCollectors(fee);
            var items = _view.NonFree.Where(i => scope.Contains(i.Code)).ToList();
            if (items.Count == 0)
            {
                items = [.. _view.NonFree.Where(i => i.Units.Any(collectors.Contains))];
            }
            var preferred = items.Count > 0;
            if (items.Count == 0)
            {
                items = [.. _view.NonFree];
            }
            foreach (var item in items)
            {
                options.Add(new Option(item, Within(item.Units, collectors), fee, p, null, Applicants.All, null, [], preferred));
            }
        }
        return options;
    }

    /// <summary>A fee exempt on d for the payer (小微企业 where the catalogue says so), charged all the same.</summary>
    private List<Option> Exempt(DateOnly d)
    {
        var options = new List<Option>();
        foreach (var fee in _view.Fees)
        {
            if (fee.PeriodOn(d) is not { Status: FeeStatus.Exempt } p)
            {
                continue;
            }
            IReadOnlyList<string> payers = Applicants.All;
            string? payerColumn = null;
            if (p.ExemptPayers is { } exempted)
            {
                payers = [.. Applicants.All.Where(exempted.Contains)];
                if (payers.Count == 0)
                {
                    payers = Applicants.All;
                    payerColumn = exempted.Order(StringComparer.Ordinal).First();
                }
            }
            var scope = p.Scope ?? CatalogView.HistoricScope(fee);
            var collectors = p.Collectors ?? CatalogView.HistoricCollectors(fee);
            var items = _view.NonFree.Where(i => scope.Contains(i.Code)).ToList();
            if (items.Count == 0)
            {
                items = [.. _view.NonFree.Where(i => i.Units.Any(collectors.Contains))];
            }
            if (items.Count == 0)
            {
                items = [.. _view.NonFree];
            }
            foreach (var item in items)
            {
                options.Add(new Option(item, Within(item.Units, collectors), fee, p, null, payers, payerColumn, [], p.ExemptPayers is not null));
            }
        }
        return options;
    }

    /// <summary>A chargeable fee with a scope, charged for an item outside it; in standard, by an entitled collector.</summary>
    private List<Option> OutOfScope(DateOnly d)
    {
        var options = new List<Option>();
        foreach (var fee in _view.Fees)
        {
            if (fee.PeriodOn(d) is not { Scope: { } scope } p || p.IsStopped)
            {
                continue;
            }
            var scopeUnits = _view.Items.Where(i => scope.Contains(i.Code)).SelectMany(i => i.Units).ToHashSet(StringComparer.Ordinal);
            foreach (var item in _view.NonFree)
            {
                if (scope.Contains(item.Code) || Payers(p, item) is not { Count: > 0 } payers)
                {
                    continue;
                }
                var near = p.Collectors is { } c ? item.Units.Any(c.Contains) : item.Units.Any(scopeUnits.Contains);
                options.Add(Entitled(item, fee, p, payers, [], near));
            }
        }
        return options;
    }

    /// <summary>A chargeable fee with a standard, charged above it; in scope, by an entitled collector.</summary>
    private List<Option> OverStandard(DateOnly d)
    {
        var options = new List<Option>();
        foreach (var fee in _view.Fees)
        {
            if (fee.PeriodOn(d) is not { Max: not null } p || p.IsStopped)
            {
                continue;
            }
            foreach (var item in InScope(p))
            {
                if (Payers(p, item) is { Count: > 0 } payers)
                {
                    options.Add(Entitled(item, fee, p, payers, [], true));
                }
            }
        }
        return options;
    }

    /// <summary>A chargeable fee with named collectors, collected by another unit; in scope and in standard.</summary>
    private List<Option> Unauthorized(DateOnly d)
    {
        var options = new List<Option>();
        foreach (var fee in _view.Fees)
        {
            if (fee.PeriodOn(d) is not { Collectors: { } collectors } p || p.IsStopped)
            {
                continue;
            }
            var others = _view.Units.Where(u => !collectors.Contains(u)).ToList();
            if (others.Count == 0)
            {
                continue;
            }
            foreach (var item in InScope(p))
            {
                if (Payers(p, item) is not { Count: > 0 } payers)
                {
                    continue;
                }
                var wrongOwn = item.Units.Where(u => !collectors.Contains(u)).ToList();
                options.Add(wrongOwn.Count > 0
                    ? new Option(item, wrongOwn, fee, p, null, payers, null, [], true)
                    : new Option(item, item.Units, fee, p, others, payers, null, [], false));
            }
        }
        return options;
    }

    /// <summary>
    /// Any fee on an item that must be free. Only a fee that is otherwise lawful for the item gives this finding
    /// alone; catalogues rarely have one (their fees are scoped to other items), so the next best is a fee
    /// abolished for it (环评审批费), which also gives fee.abolished, and last an uncatalogued one.
    /// </summary>
    private List<Option> FreeItem(DateOnly d)
    {
        var lawful = new List<Option>();
        var stopped = new List<Option>();
        foreach (var item in _view.Free)
        {
            foreach (var fee in _view.Fees)
            {
                if (fee.PeriodOn(d) is not { } p)
                {
                    continue;
                }
                if (p.IsStopped)
                {
                    var scope = CatalogView.HistoricScope(fee);
                    var generic = scope.Count == 0 && CatalogView.HistoricCollectors(fee).Count == 0;
                    stopped.Add(new Option(item, item.Units, fee, p, null, Applicants.All, null, [BuiltInChecks.FeeAbolished], scope.Contains(item.Code) || generic));
                    continue;
                }
                if ((p.Scope is null || p.Scope.Contains(item.Code))
                    && (p.Collectors is null || item.Units.Any(p.Collectors.Contains))
                    && Payers(p, item) is { Count: > 0 } payers)
                {
                    lawful.Add(new Option(item, Within(item.Units, p.Collectors), fee, p, null, payers, null, [], true));
                }
            }
        }
        if (lawful.Count > 0)
        {
            return lawful;
        }
        if (stopped.Count > 0)
        {
            return stopped;
        }
        return _view.UnknownFees.Count == 0 ? [] : [.. _view.Free.Select(i => new Option(i, i.Units, null, null, null, Applicants.All, null, [BuiltInChecks.FeeUnknown], true))];
    }

    /// <summary>Items that carry at least one lawful fee on d, for a second charge of it on the same case.</summary>
    private List<Option> Duplicate(DateOnly d)
    {
        var options = new List<Option>();
        foreach (var item in _view.NonFree)
        {
            var payers = Applicants.All.Where(t => _view.SlotGroups(item, t, d).Count > 0).ToList();
            if (payers.Count > 0)
            {
                options.Add(new Option(item, item.Units, null, null, null, payers, null, [], true));
            }
        }
        return options;
    }

    /// <summary>
    /// A fee charged on a day no period of it covers: a gap within the data's span when the catalogue has one
    /// (then on a case), else shortly before its first period (an old charge with no case in the export).
    /// </summary>
    private FeeBreachPlan? NotInForce()
    {
        var from = _context.WindowStart.AddDays(10);
        var gaps = new List<(Fee Fee, DateOnly From, DateOnly To)>();
        foreach (var fee in _view.Fees)
        {
            foreach (var gap in Gaps(fee, from, _context.AsOf))
            {
                gaps.Add((fee, gap.From, gap.To));
            }
        }
        if (gaps.Count > 0)
        {
            var (fee, gapFrom, gapTo) = Random.Pick(gaps);
            var d = gapFrom.AddDays(Random.Between(0, gapTo.DayNumber - gapFrom.DayNumber));
            var scope = CatalogView.HistoricScope(fee);
            var collectors = CatalogView.HistoricCollectors(fee);
            var items = _view.NonFree.Where(i => scope.Contains(i.Code)).ToList();
            var item = Random.Pick(items.Count > 0 ? items : _view.NonFree);
            return new FeeBreachPlan
            {
                Kind = BreachKind.FeeNotInForce,
                ChargedOn = d,
                FeeCode = fee.Code,
                FeeName = fee.Name,
                Amount = CatalogView.HistoricMax(fee) ?? FeeAmounts.Lump(Random),
                Item = item,
                CaseUnits = Within(item.Units, collectors),
                ApplicantType = PickPayer(item, Applicants.All),
                Codes = [BuiltInChecks.FeeNotInForce],
            };
        }
        // The fees that came into force last: a charge shortly before that is the least far-fetched.
        var withPeriods = _view.Fees.Where(f => f.Periods.Count > 0 && f.Periods[0].From > DateOnly.MinValue.AddDays(60)).ToList();
        if (withPeriods.Count == 0)
        {
            return null;
        }
        var latest = withPeriods.Max(f => f.Periods[0].From);
        var early = Random.Pick(withPeriods.Where(f => f.Periods[0].From == latest).ToList());
        var first = early.Periods[0];
        var day = first.From.AddDays(-Random.Between(1, 60));
        if (day > _context.AsOf)
        {
            day = _context.AsOf;
        }
        var owners = CatalogView.Sorted(CatalogView.HistoricCollectors(early));
        return new FeeBreachPlan
        {
            Kind = BreachKind.FeeNotInForce,
            ChargedOn = day,
            FeeCode = early.Code,
            FeeName = early.Name,
            Amount = CatalogView.HistoricMax(early) ?? FeeAmounts.Lump(Random),
            Item = null,
            CaseUnits = [],
            Collector = Random.Pick(owners.Count > 0 ? owners : _view.Units),
            ApplicantType = Applicants.Enterprise,
            PayerColumn = Applicants.Enterprise,
            Codes = [BuiltInChecks.FeeNotInForce],
        };
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> no period of the fee covers.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Gaps(Fee fee, DateOnly from, DateOnly to)
    {
        var cursor = from;
        foreach (var p in fee.Periods)
        {
            if (cursor > to)
            {
                yield break;
            }
            if (p.From > cursor)
            {
                var end = p.From.AddDays(-1) < to ? p.From.AddDays(-1) : to;
                yield return (cursor, end);
            }
            if (p.To is not { } pt)
            {
                yield break;
            }
            if (pt.AddDays(1) > cursor)
            {
                cursor = pt.AddDays(1);
            }
        }
        if (cursor <= to)
        {
            yield return (cursor, to);
        }
    }

    /// <summary>Items the period may be charged for (its scope, or any item when it has none).</summary>
    private IEnumerable<ItemProfile> InScope(FeePeriod p) =>
        p.Scope is { } scope ? _view.NonFree.Where(i => scope.Contains(i.Code))
        : p.Collectors is { } c ? _view.NonFree.Where(i => i.Units.Any(c.Contains))
        : _view.NonFree;

    /// <summary>The applicant types the period may be charged to and the item plausibly has (else any it may be charged to).</summary>
    private static List<string> Payers(FeePeriod p, ItemProfile item)
    {
        var chargeable = Applicants.All.Where(t => !p.ExemptsPayer(t)).ToList();
        var plausible = chargeable.Where(t => item.ApplicantWeights[Applicants.IndexOf(t)] > 0).ToList();
        return plausible.Count > 0 ? plausible : chargeable;
    }

    /// <summary>
    /// The case in a unit entitled to collect the fee when the item has one; else in its own unit, with the
    /// charge collected by an entitled unit (its unit column set).
    /// </summary>
    private static Option Entitled(ItemProfile item, Fee fee, FeePeriod p, IReadOnlyList<string> payers, IReadOnlyList<string> extra, bool preferred)
    {
        if (p.Collectors is not { } collectors)
        {
            return new Option(item, item.Units, fee, p, null, payers, null, extra, preferred);
        }
        var own = item.Units.Where(collectors.Contains).ToList();
        return own.Count > 0
            ? new Option(item, own, fee, p, null, payers, null, extra, preferred)
            : new Option(item, item.Units, fee, p, CatalogView.Sorted(collectors), payers, null, extra, preferred);
    }

    /// <summary>The item's units that are among <paramref name="preferred"/>, or all its units when none is.</summary>
    private static IReadOnlyList<string> Within(IReadOnlyList<string> units, IReadOnlySet<string>? preferred)
    {
        if (preferred is null)
        {
            return units;
        }
        var within = units.Where(preferred.Contains).ToList();
        return within.Count > 0 ? within : units;
    }

    /// <summary>
    /// One way to plant a fee breach: the case's item and units, the fee and its period (null: an uncatalogued
    /// code), the units one of which collects it (null: the case's unit), the payer types, and codes the charge
    /// also gets besides the kind's own.
    /// </summary>
    private sealed record Option(
        ItemProfile Item,
        IReadOnlyList<string> CaseUnits,
        Fee? Fee,
        FeePeriod? Period,
        IReadOnlyList<string>? Collectors,
        IReadOnlyList<string> Payers,
        string? PayerColumn,
        IReadOnlyList<string> ExtraCodes,
        bool Preferred);
}
