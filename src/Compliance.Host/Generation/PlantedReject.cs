namespace Compliance.Host.Generation;

/// <summary>
/// A row written to be rejected: feed, file name, the physical line where it starts (header = 1), the column
/// header as written (empty for a whole-row problem) and the reject reason of feeds.md.
/// </summary>
public sealed record PlantedReject(string Feed, string File, int Line, string Column, string Reason);
