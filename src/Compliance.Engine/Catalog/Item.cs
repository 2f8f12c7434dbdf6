namespace Compliance.Engine.Catalog;

/// <summary>A licensing item 事项 with its limits in working days.</summary>
public sealed record Item
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public int? StatutoryLimit { get; init; }
    public int? PromisedLimit { get; init; }

    /// <summary>By law the item may carry no fee at all.</summary>
    public bool Free { get; init; }

    public string? Basis { get; init; }
}
