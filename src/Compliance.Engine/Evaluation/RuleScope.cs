using Compliance.Engine.Catalog;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// Everything besides the record that an expression may use: <c>cal</c>, <c>catalog</c>, <c>settings</c>
/// and <c>asOf</c>. One per run; shared read-only by every rule and thread.
/// </summary>
public sealed class RuleScope
{
    public RuleScope(RuleSet ruleSet, DateOnly asOf)
    {
        Cal = new CalendarHelpers(ruleSet.Calendar);
        Catalog = new CatalogHelpers(ruleSet);
        Settings = ruleSet.Settings;
        AsOf = asOf;
    }

    public CalendarHelpers Cal { get; }
    public CatalogHelpers Catalog { get; }
    public Settings Settings { get; }
    public DateOnly AsOf { get; }
}
