namespace Compliance.Engine.Catalog;

/// <summary>settings.json <c>checks.&lt;code&gt;</c>: what a rule set changes about a built-in check.</summary>
public sealed record CheckOverride
{
    public bool? Enabled { get; init; }
    public Severity? Severity { get; init; }
    public string? Message { get; init; }
    public string? Basis { get; init; }
}
