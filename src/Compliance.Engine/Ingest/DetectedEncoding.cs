using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A text encoding a feed file may be in, with the name <see cref="InputFile.Encoding"/> gives it.
/// <see cref="PreambleLength"/> bytes (a UTF-8 BOM) precede the text.
/// </summary>
internal sealed record DetectedEncoding(string Name, Encoding Encoding, int PreambleLength)
{
    public const string Utf8BomName = "utf-8-bom";
    public const string Utf8Name = "utf-8";
    public const string Gb18030Name = "gb18030";
    /// <summary>What <see cref="InputFile.Encoding"/> says for a file that decodes as neither UTF-8 nor GB18030.</summary>
    public const string UndecodableName = "undecodable";

    /// <summary>What <see cref="InputFile.Encoding"/> says for a workbook, whose text encoding is the package's business.</summary>
    public const string BinaryName = "binary";
}
