namespace Compliance.Host.Generation;

/// <summary>A row written identical to an earlier one with the same key: it must be counted once, not rejected.</summary>
public sealed record PlantedDuplicate(string Feed, string File, int Line, int FirstLine);
