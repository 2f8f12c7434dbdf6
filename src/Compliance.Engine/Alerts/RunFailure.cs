using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Engine.Storage;

namespace Compliance.Engine.Alerts;

/// <summary>
/// A run that threw before it could be recorded (a custom rule failing on the data, say): what it was judging,
/// with what, and the error as the office should read it.
/// </summary>
public sealed record RunFailure
{
    public required string Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateOnly AsOf { get; init; }
    public required string RuleSetVersion { get; init; }
    public required string RuleSetHash { get; init; }

    /// <summary>The files the run was to read, with their SHA-256 (encoding empty: they may never have been read).</summary>
    public required IReadOnlyList<InputFile> Inputs { get; init; }

    public required string Error { get; init; }
    public required long DurationMs { get; init; }

    public string RuleSetLabel => RuleSet.LabelOf(RuleSetVersion, RuleSetHash);

    public string InputsHash => RunInputs.Hash(Inputs);
}
