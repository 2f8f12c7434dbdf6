namespace Compliance.Engine.Ingest;

/// <summary>
/// Finds an accepted case by id while later feeds are read: its own id string, so that the records naming it share
/// it, and its position in the feed's records; null and -1 for a case not accepted (yet). Unless it is -1,
/// <paramref name="near"/> is where a case was found before: that case and the <see cref="CaseFinder.Nearby"/> after
/// it are looked at first.
/// </summary>
internal delegate string? CaseLookup(ReadOnlySpan<char> caseId, int near, out int index);
