namespace Compliance.Engine.Ingest;

/// <summary>
/// Reads ahead, all at once, what looking up accepted cases by ids with these <see cref="TextHash"/>es will read, so
/// that the look-ups that follow find it in the caches. Only a hint: it changes no answer. Returns what it read, for
/// the caller to keep, so that the reads are not optimised away.
/// </summary>
internal delegate long CasePrefetch(ReadOnlySpan<int> hashes);
