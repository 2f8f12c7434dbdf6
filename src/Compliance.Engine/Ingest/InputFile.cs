namespace Compliance.Engine.Ingest;

/// <summary>An input file that was read, with its SHA-256 (lower-case hex).</summary>
public sealed record InputFile(string Feed, string Name, string Sha256, string Encoding);
