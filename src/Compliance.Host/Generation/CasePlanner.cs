using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// Plans and writes case bundles: one case, its special procedures and its charges. Every clock is worked out on
/// the rule set's calendar so that a compliant case really is compliant (decided within its promised limit, or
/// open with more than the warning days left) and a planted one breaks exactly the intended limit.
/// </summary>
internal sealed class CasePlanner
{
    private static readonly string[] SuspensionKinds = ["2", "暂停计时", "专家评审", "检验", "检测", "鉴定", "听证", "补正", "招标"];
    private static readonly double[] SuspensionWeights = [2, 2, 2, 1, 1, 1, 0.5, 2, 0.5];
    private static readonly DateStyle[] Styles = [DateStyle.IsoSeconds, DateStyle.Iso, DateStyle.SlashMinutes, DateStyle.IsoMinutes, DateStyle.Chinese];
    private static readonly double[] StyleWeights = [0.6, 0.15, 0.1, 0.1, 0.05];
    private static readonly DateStyle[] ProcedureStyles = [DateStyle.Iso, DateStyle.Slash, DateStyle.Compact];
    private static readonly double[] ProcedureStyleWeights = [0.85, 0.1, 0.05];

    private readonly GenerationContext _context;
    private readonly FeedOutput _cases;
    private readonly FeedOutput _procedures;
    private readonly ChargePlanner _charges;
    private readonly BadRowWriter _badRows;

    public CasePlanner(GenerationContext context, FeedOutput cases, FeedOutput procedures, ChargePlanner charges, BadRowWriter badRows)
    {
        _context = context;
        _cases = cases;
        _procedures = procedures;
        _charges = charges;
        _badRows = badRows;
    }

    private SeededRandom Random => _context.Random;
    private CalendarMath Days => _context.Days;
    private DateOnly AsOf => _context.AsOf;

    public void Write(BundleRequest request)
    {
        var plan = request.FeeBreach is { Item: not null } linked ? linked : null;
        var kind = plan is null ? request.CaseBreach : null;
        var shape = kind is null && plan is null ? request.Shape : CaseShape.Decided;

        ItemProfile item;
        string unit;
        string type;
        if (plan is not null)
        {
            item = plan.Item!;
            unit = Random.Pick(plan.CaseUnits);
            type = plan.ApplicantType;
        }
        else
        {
            item = PickItem(ref shape, request.Unit);
            unit = request.Unit ?? Random.Pick(item.Units);
            type = Applicants.All[Random.Weighted(item.ApplicantWeights)];
        }

        var statutory = item.Statutory;
        var promised = item.Promised;
        int? statutoryColumn = null;
        int? promisedColumn = null;
        if (kind is BreachKind.CaseOverduePromised or BreachKind.CaseOverduePromisedOpen && promised >= statutory)
        {
            if (statutory < 2)
            {
                kind = BreachKind.CaseOverdueStatutory;
            }
            else
            {
                // The item promises nothing shorter than the law: the case row carries a tighter promise.
                promised = Math.Max(1, statutory / 2);
                (statutoryColumn, promisedColumn) = (statutory, promised);
            }
        }
        else if (kind is null && plan is null && shape == CaseShape.Decided && promised >= 3 && Random.Chance(0.04))
        {
            promised -= Random.Between(1, 2);
            (statutoryColumn, promisedColumn) = (statutory, promised);
            _context.Summary.AddVariant("case.promise-in-row");
        }
        else if (Random.Chance(0.25))
        {
            (statutoryColumn, promisedColumn) = (statutory, promised);
        }

        var clock = plan is not null ? FeeCaseClock(plan.ChargedOn, promised)
            : kind is { } k ? BreachClock(k, statutory, promised, request.Recent)
            : CompliantClock(shape, promised);

        var decided = clock.Decided;
        var status = shape switch
        {
            CaseShape.Void => "作废",
            CaseShape.Returned => "退回",
            _ when !Random.Chance(0.85) => "",
            _ => decided is null ? "在办" : "办结",
        };
        var form = request.Applicant;
        if (form == ApplicantForm.Single && _cases.NextPrecedesBadRowAfterMultiline)
        {
            form = ApplicantForm.MultiLine;
        }
        else if (form == ApplicantForm.Single)
        {
            form = Random.Chance(0.02) ? ApplicantForm.CommaJoint : Random.Chance(0.002) ? ApplicantForm.MultiLine : ApplicantForm.Single;
        }
        var row = new CaseRow
        {
            CaseId = _context.NextCaseId(clock.Accepted),
            Item = item,
            Unit = unit,
            Applicant = ApplicantName(type, form),
            ApplicantType = type,
            Accepted = clock.Accepted,
            Decided = decided,
            StatutoryColumn = statutoryColumn,
            PromisedColumn = promisedColumn,
            Status = status,
        };

        var plain = kind is null && plan is null && request.FeeBreach is null && shape == CaseShape.Decided
            && clock.Procedures.Count == 0 && form == ApplicantForm.Single;
        _cases.WriteData(Format(row), plain ? row : null);
        _badRows.FlushDue(_cases);
        foreach (var p in clock.Procedures)
        {
            _procedures.WriteData(Format(row.CaseId, p));
            _badRows.FlushDue(_procedures);
        }

        if (kind is { } breach)
        {
            var code = CheckPolicy.CodeOf(breach);
            var occurred = code switch
            {
                BuiltInChecks.CaseOverdueStatutory => clock.CountedDay(Days, statutory + clock.Extension + 1),
                BuiltInChecks.CaseOverduePromised => clock.CountedDay(Days, promised + clock.Extension + 1),
                _ => AsOf,
            };
            _context.Plant(breach, "case:" + row.CaseId, unit, [code], occurred);
        }
        else if (plan is null)
        {
            _context.Summary.AddVariant(ShapeName(shape));
        }
        if (shape is not (CaseShape.Void or CaseShape.Returned))
        {
            _charges.ForCase(row, request.FeeBreach);
        }
    }

    /// <summary>A case in the item's usual unit that is free of findings, placed so that the breaching charge is on or after its acceptance.</summary>
    private CaseClock FeeCaseClock(DateOnly chargedOn, int promised)
    {
        var accepted = Days.Back(chargedOn, Random.Between(0, 2));
        var k = Random.Between(0, Math.Min(promised, Days.Between(accepted, AsOf)));
        return new CaseClock { Accepted = accepted, Decided = Days.Add(accepted, k) };
    }

    private CaseClock BreachClock(BreachKind kind, int statutory, int promised, bool recent)
    {
        var over = Random.Skewed(1, 10);
        switch (kind)
        {
            case BreachKind.CaseOverdueStatutory:
                return Decided(statutory + over, recent);
            case BreachKind.CaseOverdueStatutoryOpen:
                return Open(statutory + over);
            case BreachKind.CaseOverdueStatutorySuspended:
            {
                var k = statutory + over;
                return WithStop(k, Random.Between(0, Math.Max(0, Math.Min(promised, k) - 1)), Random.Between(3, 15), recent);
            }
            case BreachKind.CaseOverdueStatutoryExtended:
            {
                var extension = Random.Pick([10, 10, 15]);
                return WithExtension(statutory + extension + over, extension, promised, recent);
            }
            case BreachKind.CaseOverduePromised:
                return Decided(Random.Between(promised + 1, statutory), recent);
            case BreachKind.CaseOverduePromisedOpen:
                return Open(Random.Between(promised + 1, statutory));
            case BreachKind.CaseDueSoon:
                return Open(promised - Random.Between(0, Math.Min(_context.WarnDays, promised)));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a case breach");
        }
    }

    private CaseClock CompliantClock(CaseShape shape, int promised)
    {
        var warn = _context.WarnDays;
        switch (shape)
        {
            case CaseShape.Decided:
                return Decided(Random.Chance(0.5) ? Random.Skewed(0, promised) : Random.Between(0, promised), recent: false);
            case CaseShape.Open:
                return Open(Random.Between(0, promised - warn - 1));
            case CaseShape.Void:
            case CaseShape.Returned:
                // Never decided; judged it would long be overdue, which is why it must not be judged.
                return new CaseClock { Accepted = Days.RandomWorkingDay(Random, _context.WindowStart, Days.RollBack(AsOf.AddDays(-60))) };
            case CaseShape.SuspensionRescued:
            {
                var stopped = Random.Between(3, 20);
                var k = Random.Between(Math.Max(1, promised - stopped + 1), promised);
                return WithStop(k, Random.Between(0, k - 1), stopped, recent: false);
            }
            case CaseShape.Suspended:
            {
                var k = Random.Between(1, Math.Max(1, promised));
                return WithStop(k, Random.Between(0, k - 1), Random.Between(1, 5), recent: false);
            }
            case CaseShape.OpenSuspended:
            {
                var before = Random.Between(0, promised - warn - 1);
                var stopped = Random.Between(3, 20);
                var lastCounted = Days.Back(AsOf, stopped);
                var accepted = Days.Back(lastCounted, before);
                var stop = new ProcedureRow(SuspensionKind(), lastCounted.AddDays(1), null, "");
                return new CaseClock { Accepted = accepted, CountedBeforeStop = before, Procedures = [stop] };
            }
            case CaseShape.ExtensionRescued:
            {
                var extension = Random.Pick([10, 10, 10, 15, 20]);
                return WithExtension(Random.Between(promised + 1, promised + extension), extension, promised, recent: false);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }
    }

    /// <summary>Decided on the <paramref name="k"/>-th working day after acceptance.</summary>
    private CaseClock Decided(int k, bool recent)
    {
        var accepted = Place(k, recent);
        return new CaseClock { Accepted = accepted, Decided = Days.Add(accepted, k) };
    }

    /// <summary>Open at T with <paramref name="used"/> working days used.</summary>
    private CaseClock Open(int used) => new() { Accepted = Days.Back(AsOf, used) };

    /// <summary>
    /// Decided after <paramref name="k"/> counted days, with a suspension of <paramref name="stopped"/> working
    /// days starting the day after the <paramref name="before"/>-th counted day.
    /// </summary>
    private CaseClock WithStop(int k, int before, int stopped, bool recent)
    {
        var accepted = Place(k + stopped, recent);
        var lastCounted = Days.Add(accepted, before);
        var stopEnd = Days.Add(lastCounted, stopped);
        var stop = new ProcedureRow(SuspensionKind(), lastCounted.AddDays(1), stopEnd, "");
        return new CaseClock
        {
            Accepted = accepted,
            Decided = Days.Add(stopEnd, k - before),
            CountedBeforeStop = before,
            StopEnd = stopEnd,
            Procedures = [stop],
        };
    }

    /// <summary>Decided after <paramref name="k"/> working days, with an extension of <paramref name="extension"/> days approved on the way.</summary>
    private CaseClock WithExtension(int k, int extension, int promised, bool recent)
    {
        var accepted = Place(k, recent);
        var decided = Days.Add(accepted, k);
        var start = Days.Add(accepted, Random.Between(1, Math.Max(1, Math.Min(k, promised))));
        var days = extension == 10 && Random.Chance(0.5) ? "" : extension.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = new ProcedureRow(Random.Chance(0.4) ? "1" : "延长审批", start, Random.Chance(0.4) ? decided : null, days);
        return new CaseClock { Accepted = accepted, Decided = decided, Extension = extension, Procedures = [row] };
    }

    /// <summary>An acceptance day from which <paramref name="workingDays"/> working days still end by T; recent: ending within the last month.</summary>
    private DateOnly Place(int workingDays, bool recent)
    {
        if (recent)
        {
            var end = Days.RandomWorkingDay(Random, AsOf.AddDays(-30), Days.RollBack(AsOf));
            return Days.Back(end, workingDays);
        }
        return Days.RandomWorkingDay(Random, _context.WindowStart, Days.Back(AsOf, workingDays));
    }

    private string SuspensionKind() => SuspensionKinds[Random.Weighted(SuspensionWeights)];

    private ItemProfile PickItem(ref CaseShape shape, string? unit)
    {
        var warn = _context.WarnDays;
        var view = _context.View;
        var need = shape switch
        {
            CaseShape.Open or CaseShape.OpenSuspended => warn + 1,
            CaseShape.SuspensionRescued or CaseShape.Suspended => 1,
            _ => 0,
        };
        if (unit is null && need == 0)
        {
            return view.Items[Random.Weighted(view.ItemWeights)];
        }
        IReadOnlyList<ItemProfile> pool = view.Items;
        if (unit is not null)
        {
            var own = pool.Where(i => i.Units.Contains(unit)).ToList();
            if (own.Count > 0)
            {
                pool = own;
            }
        }
        if (need > 0)
        {
            var fit = pool.Where(i => i.Promised >= need).ToList();
            if (fit.Count > 0)
            {
                pool = fit;
            }
            else
            {
                shape = CaseShape.Decided;
            }
        }
        return pool[Random.Weighted(pool.Select(i => i.Weight).ToList())];
    }

    private string ApplicantName(string type, ApplicantForm form) => form switch
    {
        ApplicantForm.CommaJoint => ChineseNames.Applicant(Random, type) + "," + ChineseNames.Applicant(Random, type),
        ApplicantForm.MultiLine => ChineseNames.Applicant(Random, type) + "\n" + ChineseNames.Applicant(Random, type),
        _ => ChineseNames.Applicant(Random, type),
    };

    private static string ShapeName(CaseShape shape) => shape switch
    {
        CaseShape.Decided => "case.decided",
        CaseShape.Open => "case.open",
        CaseShape.Void => "case.void",
        CaseShape.Returned => "case.returned",
        CaseShape.SuspensionRescued => "case.rescued-by-suspension",
        CaseShape.Suspended => "case.suspended",
        CaseShape.OpenSuspended => "case.open-suspended",
        CaseShape.ExtensionRescued => "case.rescued-by-extension",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    private string[] Format(CaseRow row)
    {
        var style = Styles[Random.Weighted(StyleWeights)];
        var acceptedTime = ValueFormats.OfficeTime(Random);
        var decidedTime = row.Decided == row.Accepted
            ? Math.Min(acceptedTime + Random.Between(600, 7200), 86399)
            : ValueFormats.OfficeTime(Random);
        return
        [
            row.CaseId,
            row.Item.Code,
            Random.Chance(0.95) ? row.Item.Item.Name : "",
            row.Unit,
            Random.Chance(0.9) ? _context.View.UnitName(row.Unit) : "",
            row.Applicant,
            row.ApplicantType,
            ValueFormats.Date(row.Accepted, style, acceptedTime),
            row.Decided is { } d ? ValueFormats.Date(d, style, decidedTime) : "",
            Number(row.StatutoryColumn),
            Number(row.PromisedColumn),
            row.Status,
        ];
    }

    private string[] Format(string caseId, ProcedureRow p)
    {
        var style = ProcedureStyles[Random.Weighted(ProcedureStyleWeights)];
        return
        [
            caseId,
            p.Kind,
            ValueFormats.Date(p.Start, style, 0),
            p.End is { } end ? ValueFormats.Date(end, style, 0) : "",
            p.ExtensionDays,
        ];
    }

    private static string Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
