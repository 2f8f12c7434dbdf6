namespace Compliance.Engine.Catalog;

/// <summary>settings.json, with the defaults of rule-files.md.</summary>
public sealed record Settings
{
    public int WarnDays { get; init; } = 2;
    public int DefaultStatutoryLimit { get; init; } = 20;
    public int WarningTalkRedFindings { get; init; } = 5;
    public int WarningTalkWindowDays { get; init; } = 90;
    public IReadOnlyDictionary<string, CheckOverride> Checks { get; init; } = new Dictionary<string, CheckOverride>();
}
