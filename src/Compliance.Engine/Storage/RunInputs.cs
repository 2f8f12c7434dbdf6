using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Storage;

/// <summary>
/// A run's input files in one comparable form, so that two runs over the same files can be told apart from others:
/// each file as <c>name|sha256</c>, sorted ordinally, and one hash over those lines.
/// </summary>
public static class RunInputs
{
    /// <summary>Each file's <c>name|sha256</c>, sorted ordinally.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<InputFile> files) =>
        files.Select(f => f.Name + "|" + f.Sha256).Order(StringComparer.Ordinal).ToList();

    /// <summary>SHA-256 (lower-case hex) of <see cref="Lines"/>, one per line.</summary>
    public static string Hash(IEnumerable<InputFile> files) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Lines(files)))));
}
