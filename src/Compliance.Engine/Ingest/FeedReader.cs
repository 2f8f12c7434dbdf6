using Compliance.Engine.Catalog;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Reads a data folder's feeds (feeds.md) into records and rejects. Each file is read once (hashed, decoded and
/// split on a second thread, parsed on both); the result is that of reading it row by row on one thread. A large
/// folder is read without garbage collections and followed by two full ones (<see cref="IngestGcRegion"/>), which
/// the whole process notices: a reader of many folders at once reads all but one with collections as usual.
/// </summary>
public static class FeedReader
{
    /// <summary>
    /// Reads cases, procedures, charges and stages from <paramref name="dataDirectory"/>, each from
    /// <c>&lt;feed&gt;.csv</c>, <c>.json</c> and <c>.xlsx</c> where present (in that order; file names match
    /// ignoring case). Any feed may be absent. Bad rows and unreadable files become rejects; only a missing
    /// folder throws.
    /// </summary>
    public static FeedData ReadFolder(string dataDirectory, StageCatalog stages) => ReadFolder(dataDirectory, () => stages);

    /// <summary>
    /// As <see cref="ReadFolder(string, StageCatalog)"/>, with the stage catalogue asked for only when the first
    /// stages file is reached (stages are read last): a caller can load its rule set while the other feeds are
    /// read. What <paramref name="stages"/> throws is thrown from here, not turned into a rejected file.
    /// </summary>
    public static FeedData ReadFolder(string dataDirectory, Func<StageCatalog> stages)
    {
        if (!Directory.Exists(dataDirectory))
        {
            throw new DirectoryNotFoundException($"Data folder '{Path.GetFullPath(dataDirectory)}' does not exist.");
        }
        var ingest = new FeedIngest(stages);
        foreach (var schema in FeedIngest.Feeds)
        {
            ingest.Data.StatsFor(schema.Name);
        }
        var files = FeedFiles(dataDirectory);
        using (IngestGcRegion.Start(InputBytes(dataDirectory, files)))
        {
            foreach (var (feed, name) in files)
            {
                ReadFile(ingest, feed, Path.Combine(dataDirectory, name), name);
            }
        }
        return ingest.Data;
    }

    /// <summary>The bytes of the feed files <see cref="ReadFolder(string, Func{StageCatalog})"/> would read; 0 for a folder that does not exist.</summary>
    internal static long InputBytes(string dataDirectory) =>
        Directory.Exists(dataDirectory) ? InputBytes(dataDirectory, FeedFiles(dataDirectory)) : 0;

    private static long InputBytes(string dataDirectory, List<(string Feed, string Name)> files) =>
        files.Sum(f => LengthOf(Path.Combine(dataDirectory, f.Name)));

    /// <summary>The feed files of a folder, feed by feed in reading order, each feed's in extension order.</summary>
    private static List<(string Feed, string Name)> FeedFiles(string dataDirectory)
    {
        // Folders too: one named like a feed file (an export unpacked into a folder of that name, say) is refused
        // with a reason rather than passed over as if the feed were absent.
        var names = Directory.GetFileSystemEntries(dataDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var files = new List<(string Feed, string Name)>();
        foreach (var schema in FeedIngest.Feeds)
        {
            foreach (var extension in FeedIngest.Extensions)
            {
                var expected = schema.Name + extension;
                files.AddRange(names.Where(n => n.Equals(expected, StringComparison.OrdinalIgnoreCase)).Select(n => (schema.Name, n)));
            }
        }
        return files;
    }

    /// <summary>
    /// Reads one feed from a stream, as if it were the only file of the folder, under the name given (the inbox
    /// probes a dropped export under its own name this way; tests and benchmarks too).
    /// </summary>
    internal static FeedData ReadStream(string feed, Stream stream, string fileName, StageCatalog stages)
    {
        var ingest = new FeedIngest(stages);
        ingest.ReadFile(feed, stream, fileName);
        return ingest.Data;
    }

    // A file that cannot be sized now cannot be read either: reading it says why. A link (a folder of today's
    // exports linked from elsewhere, say) is sized by the file it leads to, which is what reading reads: its own
    // few bytes would size the run's memory region for almost nothing.
    private static long LengthOf(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (file.LinkTarget is null)
            {
                return file.Length;
            }
            return file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static void ReadFile(FeedIngest ingest, string feed, string path, string name)
    {
        if (Directory.Exists(path))
        {
            ingest.RejectFolder(feed, name);
            return;
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ingest.RejectUnopenable(feed, name, e);
            return;
        }
        using (stream)
        {
            ingest.ReadFile(feed, stream, name);
        }
    }
}
