namespace Compliance.Engine.Catalog;

/// <summary>A responsible unit 责任单位 and how to reach it.</summary>
public sealed record Unit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Parent { get; init; }
    public string? Email { get; init; }
    public string? Webhook { get; init; }
}
