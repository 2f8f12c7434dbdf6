namespace Compliance.Engine.Ingest;

/// <summary>
/// A rejected row or file. <see cref="Line"/> is the physical line where the row starts (header = 1),
/// 0 for a whole file, except one that cannot be decoded: the line of its first byte that does not decode. <see cref="Column"/> is the header as the file wrote it, empty for a whole row or file.
/// </summary>
public sealed record Reject(string Feed, string File, int Line, string Column, string Value, string Reason, string Message)
{
    /// <summary>
    /// The file was refused whole: none of its rows were read. Asked instead of a line of 0, which an undecodable
    /// file does not have.
    /// </summary>
    public bool WholeFile { get; init; }
}
