using Compliance.Engine.Catalog;

namespace Compliance.Host;

/// <summary>The arguments of <c>compliance check</c>, parsed and defaulted.</summary>
internal sealed record CheckOptions
{
    public required string RulesDirectory { get; init; }
    public required string DataDirectory { get; init; }
    public required DateOnly AsOf { get; init; }
    public required string OutDirectory { get; init; }

    /// <summary>Null: no finding fails the run.</summary>
    public Severity? FailOn { get; init; }

    public bool Strict { get; init; }

    /// <summary>An earlier run's output folder to judge incrementally from; null: a full run.</summary>
    public string? Since { get; init; }
}
