namespace Compliance.Engine.Evaluation;

/// <summary>Where a limit came from, so an explanation can say it (case row, item, stage entry, default).</summary>
public static class LimitSource
{
    public const string Case = "case";
    public const string Item = "item";
    public const string Default = "default";
    public const string Statutory = "statutory";
    public const string Row = "row";
    public const string Catalog = "stages.json";
}
