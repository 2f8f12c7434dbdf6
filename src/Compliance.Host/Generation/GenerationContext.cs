namespace Compliance.Host.Generation;

/// <summary>
/// What every planner of one run shares: the options, the one random source, the rule set's view and calendar,
/// the dates the data spans, the id sequences, and the summary being filled.
/// </summary>
internal sealed class GenerationContext
{
    private int _caseSequence;
    private int _chargeSequence;
    private int _projectSequence;

    public GenerationContext(GeneratorOptions options)
    {
        Options = options;
        Random = new SeededRandom(options.Seed);
        AsOf = options.AsOf;
        View = new CatalogView(options.RuleSet, options.AsOf);
        Days = new CalendarMath(options.RuleSet.Calendar);
        Policy = new CheckPolicy(options.RuleSet.Settings);
        Summary = new GenerationSummary(options);
        var calendar = options.RuleSet.Calendar;
        if (!calendar.IsCovered(options.AsOf))
        {
            throw new ArgumentException(
                $"The rule set's calendars do not cover {options.AsOf.Year} (the as-of date {ValueFormats.Iso(options.AsOf)}); "
                + $"covered years: {string.Join(", ", calendar.CoveredYears.Order())}.", nameof(options));
        }
        // Two calendar years up to the as-of date, as far as the calendars reach.
        WindowStart = calendar.IsCovered(new DateOnly(options.AsOf.Year - 1, 1, 1))
            ? new DateOnly(options.AsOf.Year - 1, 1, 1)
            : new DateOnly(options.AsOf.Year, 1, 1);
        var settings = options.RuleSet.Settings;
        Ledger = new RedLedger(Policy, options.AsOf.AddDays(1 - settings.WarningTalkWindowDays), options.AsOf);
    }

    public GeneratorOptions Options { get; }
    public SeededRandom Random { get; }
    public CatalogView View { get; }
    public CalendarMath Days { get; }
    public CheckPolicy Policy { get; }
    public GenerationSummary Summary { get; }
    public RedLedger Ledger { get; }

    /// <summary>T: nothing is dated after it.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first day records may start on.</summary>
    public DateOnly WindowStart { get; }

    public int WarnDays => View.Settings.WarnDays;

    public string NextCaseId(DateOnly accepted) => $"XK-{accepted.Year}-{++_caseSequence:D7}";

    public string NextChargeId(DateOnly chargedOn) => $"JK{chargedOn.Year}{++_chargeSequence:D8}";

    /// <summary>A national project code, e.g. 2025-330106-48-02-000123 (year, area, industry, 01 审批/02 核准/03 备案, serial).</summary>
    public string NextProjectCode(int year, string area, string industry, string kind) =>
        $"{year}-{area}-{industry}-{kind}-{++_projectSequence:D6}";

    /// <summary>Records a planted breach with the codes it must raise, and its red findings for the warning talk.</summary>
    public void Plant(BreachKind kind, string subject, string unit, IReadOnlyList<string> codes, DateOnly occurredOn)
    {
        var enabled = codes.Where(Policy.Enabled).ToList();
        Summary.BreachList.Add(new PlantedBreach(kind, subject, unit, enabled));
        Ledger.Note(unit, enabled, occurredOn);
    }
}
