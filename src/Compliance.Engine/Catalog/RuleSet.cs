using Compliance.Engine.Calendar;

namespace Compliance.Engine.Catalog;

/// <summary>A loaded, validated rule set: immutable, safe to share between threads.</summary>
public sealed class RuleSet
{
    public required string Directory { get; init; }

    /// <summary>fees.json <c>version</c>, else "unversioned".</summary>
    public required string Version { get; init; }

    /// <summary>First 8 hex digits of the SHA-256 over every file's relative path and bytes, in ordinal path order.</summary>
    public required string Hash { get; init; }

    public string Label => LabelOf(Version, Hash);

    /// <summary>The label of a rule set known by its version and hash (as a stored run knows it).</summary>
    public static string LabelOf(string version, string hash) => $"{version}+{hash}";

    public required Settings Settings { get; init; }
    public required WorkingCalendar Calendar { get; init; }
    public required IReadOnlyDictionary<string, Item> Items { get; init; }
    public required IReadOnlyDictionary<string, Fee> Fees { get; init; }
    public required StageCatalog Stages { get; init; }
    public required IReadOnlyDictionary<string, Unit> Units { get; init; }
    public required IReadOnlyList<WorkflowFile> Workflows { get; init; }
}
