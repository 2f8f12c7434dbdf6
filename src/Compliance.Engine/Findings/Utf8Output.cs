using System.Text;

namespace Compliance.Engine.Findings;

/// <summary>
/// The text encoding of every output file: UTF-8 without BOM and <c>\n</c> line ends, so that the bytes do not
/// depend on the machine that wrote them.
/// </summary>
internal static class Utf8Output
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A writer over <paramref name="stream"/> that leaves it open, so callers may hand in a file or a buffer.</summary>
    public static StreamWriter Open(Stream stream) => new(stream, Encoding, bufferSize: 64 * 1024, leaveOpen: true)
    {
        NewLine = "\n",
    };
}
