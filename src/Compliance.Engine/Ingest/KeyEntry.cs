namespace Compliance.Engine.Ingest;

/// <summary>Where a key was first accepted: the record's index in its feed's list and the file it came from.</summary>
internal readonly record struct KeyEntry(int Index, string File);
