namespace Compliance.Engine.Findings;

/// <summary>
/// The subject format of checks.md, in one place: <c>case:&lt;case_id&gt;</c>, <c>charge:&lt;charge_id&gt;</c>,
/// <c>stage:&lt;project_code&gt;/&lt;stage&gt;</c> (canonical Chinese stage name) and <c>unit:&lt;unit_code&gt;</c>.
/// </summary>
public static class Subjects
{
    public const string CasePrefix = "case:";
    public const string ChargePrefix = "charge:";
    public const string StagePrefix = "stage:";
    public const string UnitPrefix = "unit:";

    public static string Case(string caseId) => CasePrefix + caseId;

    public static string Charge(string chargeId) => ChargePrefix + chargeId;

    /// <summary>The part after <c>stage:</c>: project code and canonical stage.</summary>
    public static string StageKey(string projectCode, string stage) => projectCode + "/" + stage;

    public static string Stage(string projectCode, string stage) => StagePrefix + StageKey(projectCode, stage);

    public static string Unit(string unitCode) => UnitPrefix + unitCode;
}
