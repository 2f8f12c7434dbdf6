using System.Security.Cryptography;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Serve;

/// <summary>
/// The files a run of the current folder reads (those <see cref="FeedReader.ReadFolder"/> picks: a feed's name
/// with a known extension, ignoring case), each with its SHA-256: hashing is far cheaper than parsing, and tells
/// whether the feeds kept from the previous run are still the ones on disk.
/// </summary>
internal static class CurrentInputs
{
    /// <summary><c>name|sha256</c> of each input file, sorted.</summary>
    public static IReadOnlyList<string> Hash(string folder)
    {
        var wanted = SummaryWriter.Feeds.SelectMany(f => FeedNames.Extensions.Select(e => f + e)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // One file per core at a time: the feeds are a few large files, and hashing one is bound by one core.
        return Directory.GetFiles(folder)
            .Where(path => wanted.Contains(Path.GetFileName(path)))
            .AsParallel()
            .Select(path => Of(Path.GetFileName(path), Sha256Of(path)))
            .AsEnumerable()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The same form for the files a run read.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<InputFile> files) =>
        files.Select(f => Of(f.Name, f.Sha256)).Order(StringComparer.Ordinal).ToList();

    private static string Of(string name, string sha256) => name + "|" + sha256;

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
