using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Storage;

/// <summary>One hash over a run's input files, so that two runs over the same files can be told apart from others.</summary>
public static class RunInputs
{
    /// <summary>SHA-256 (lower-case hex) of each file's <c>name|sha256</c>, sorted ordinally, one per line.</summary>
    public static string Hash(IEnumerable<InputFile> files)
    {
        var lines = files.Select(f => f.Name + "|" + f.Sha256).Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
