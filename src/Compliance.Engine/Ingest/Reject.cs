namespace Compliance.Engine.Ingest;

/// <summary>
/// A rejected row or file. <see cref="Line"/> is the physical line where the row starts (header = 1),
/// 0 for a whole file. <see cref="Column"/> is the header as the file wrote it, empty for a whole row or file.
/// </summary>
public sealed record Reject(string Feed, string File, int Line, string Column, string Value, string Reason, string Message);
