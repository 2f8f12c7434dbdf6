using Compliance.Engine.Findings;

namespace Compliance.Engine.Alerts;

/// <summary>
/// What makes two findings the same alert. A case's three clock codes (due-soon, overdue-promised,
/// overdue-statutory) are one breach that grows worse as days pass, and so are a stage's two; each such family is
/// keyed by family and subject, so the ledger keeps one alert whose severity climbs. Any other finding is its own
/// breach, keyed by its fingerprint.
/// </summary>
public static class AlertKey
{
    public const string CaseClock = "case-clock";
    public const string StageClock = "stage-clock";

    public static string Of(Finding finding) => Of(finding.Rule, finding.Subject, finding.Fingerprint);

    public static string Of(string rule, string subject, string fingerprint) => FamilyOf(rule) switch
    {
        { } family => family + "|" + subject,
        null => fingerprint,
    };

    /// <summary>The clock family of a rule code, or null for a rule that is not a clock.</summary>
    public static string? FamilyOf(string rule) => rule switch
    {
        "case.due-soon" or "case.overdue-promised" or "case.overdue-statutory" => CaseClock,
        "stage.due-soon" or "stage.overdue" => StageClock,
        _ => null,
    };
}
