namespace Compliance.Host.Serve;

/// <summary>
/// Which feed an export is, from its file name: the feed's name (English or Chinese) at the start of the name,
/// then the end or a separator, e.g. <c>cases.csv</c>, <c>cases-20251103.xlsx</c>, <c>办件_11月.csv</c>.
/// </summary>
internal static class FeedNames
{
    private static readonly (string Prefix, string Feed)[] Prefixes =
    [
        ("cases", "cases"), ("procedures", "procedures"), ("charges", "charges"), ("stages", "stages"),
        ("办件", "cases"), ("特别程序", "procedures"), ("收费", "charges"), ("重点项目环节", "stages"), ("重点项目", "stages"),
    ];

    public static readonly IReadOnlyList<string> Extensions = [".csv", ".json", ".xlsx"];

    public static string? FeedOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return null;
        }
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        foreach (var (prefix, feed) in Prefixes)
        {
            if (stem == prefix || (stem.StartsWith(prefix, StringComparison.Ordinal) && stem[prefix.Length] is '-' or '_' or '.' or ' '))
            {
                return feed;
            }
        }
        return null;
    }

    /// <summary>Names a half-written file usually has while a copy or download is still under way.</summary>
    public static bool IsInProgress(string fileName) =>
        fileName.StartsWith('.') || fileName.StartsWith("~$", StringComparison.Ordinal)
        || fileName.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".partial", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
}
