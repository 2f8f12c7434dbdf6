namespace Compliance.Engine.Storage;

/// <summary>An input file a run read, with its SHA-256.</summary>
public sealed class RunInputRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Feed { get; set; }
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public required string Encoding { get; set; }
}
