using System.Security.Cryptography;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Engine.Storage;

namespace Compliance.Host.Serve;

/// <summary>
/// The files a run of the current folder reads (those <see cref="FeedReader.ReadFolder"/> picks: a feed's name
/// with a known extension, ignoring case), each with its SHA-256: hashing is far cheaper than parsing, and tells
/// whether the feeds kept from the previous run are still the ones on disk.
/// </summary>
internal static class CurrentInputs
{
    /// <summary><c>name|sha256</c> of each input file, sorted (<see cref="RunInputs.Lines"/>).</summary>
    public static IReadOnlyList<string> Hash(string folder) => RunInputs.Lines(Files(folder));

    /// <summary>
    /// The input files with their feed (the file's name without extension: the current folder holds each feed under
    /// its own name) and SHA-256; the encoding is left empty, as the files are not read.
    /// </summary>
    public static IReadOnlyList<InputFile> Files(string folder)
    {
        var wanted = SummaryWriter.Feeds.SelectMany(f => FeedNames.Extensions.Select(e => f + e)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // One file per core at a time: the feeds are a few large files, and hashing one is bound by one core.
        return Directory.GetFiles(folder)
            .Where(path => wanted.Contains(Path.GetFileName(path)))
            .AsParallel()
            .Select(path => new InputFile(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), Path.GetFileName(path), Sha256Of(path), ""))
            .ToList();
    }

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
