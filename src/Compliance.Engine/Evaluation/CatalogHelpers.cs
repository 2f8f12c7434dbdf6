using Compliance.Engine.Catalog;

namespace Compliance.Engine.Evaluation;

/// <summary>Catalogue look-ups by code for rule expressions (input <c>catalog</c>); hash look-ups, never scans.</summary>
public sealed class CatalogHelpers
{
    private readonly RuleSet _ruleSet;

    internal CatalogHelpers(RuleSet ruleSet) => _ruleSet = ruleSet;

    public Item? Item(string? code) => code is not null && _ruleSet.Items.TryGetValue(code, out var i) ? i : null;

    public Fee? Fee(string? code) => code is not null && _ruleSet.Fees.TryGetValue(code, out var f) ? f : null;

    /// <summary>The period of fee <paramref name="code"/> in force on <paramref name="d"/>, or null.</summary>
    public FeePeriod? PeriodOn(string? code, DateOnly d) => Fee(code)?.PeriodOn(d);

    public Unit? Unit(string? code) => code is not null && _ruleSet.Units.TryGetValue(code, out var u) ? u : null;

    public bool IsFree(string? itemCode) => Item(itemCode)?.Free == true;
}
