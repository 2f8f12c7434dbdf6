using System.Security.Cryptography;
using System.Text;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>
/// Every file of a rule folder read once into memory, so that what is validated, what is loaded and what is
/// hashed are the same bytes even if someone edits the folder during the run.
/// </summary>
internal sealed class RuleFolder
{
    /// <summary>Rule tests are not rules: editing a test must not change the rule set's identity.</summary>
    public const string TestsFolder = "tests";

    private readonly SortedDictionary<string, byte[]> _files;

    private readonly HashSet<string> _reported;

    private RuleFolder(string directory, SortedDictionary<string, byte[]> files, HashSet<string> reported)
    {
        Directory = directory;
        _files = files;
        _reported = reported;
    }

    public string Directory { get; }

    /// <summary>Relative paths with '/' separators, in ordinal order.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Reads every file under <paramref name="directory"/> except <c>tests/</c>; unreadable files are logged.</summary>
    public static RuleFolder Read(string directory, ProblemLog log)
    {
        var full = Path.GetFullPath(directory);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        // Paths where something other than a readable file stands, each reported here once.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(full, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(TestsFolder + "/", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                files[relative] = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reported.Add(relative);
                log.Error(new SourcePosition(relative, 1, 1), $"无法读取文件：{e.Message}");
            }
        }
        // A folder named like a rule file (an archive unpacked under the file's name, say) would otherwise read as
        // the file being absent, which for most files means silently taking the defaults.
        foreach (var path in System.IO.Directory.EnumerateDirectories(full, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(full, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(TestsFolder + "/", StringComparison.Ordinal))
            {
                reported.Add(relative);
                log.Error(new SourcePosition(relative, 1, 1), "应为文件，却是文件夹");
            }
        }
        return new RuleFolder(full, files, reported);
    }

    public bool Contains(string relativePath) => _files.ContainsKey(relativePath);

    /// <summary>Whether something stands at this path that is not a readable file (a folder, a file that cannot be read): already reported.</summary>
    public bool IsReported(string relativePath) => _reported.Contains(relativePath);

    public byte[] Bytes(string relativePath) => _files[relativePath];

    /// <summary>The files directly inside <paramref name="folder"/> whose name ends in <paramref name="extension"/>.</summary>
    public IReadOnlyList<string> FilesIn(string folder, string extension) =>
        [.. _files.Keys.Where(p =>
            p.StartsWith(folder + "/", StringComparison.Ordinal)
            && p.IndexOf('/', folder.Length + 1) < 0
            && p.EndsWith(extension, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// First 8 lower-case hex digits of SHA-256 over, for each file in ordinal path order: the UTF-8 path, a 0 byte,
    /// the file's bytes, a 0 byte. The path is hashed too, so renaming a file changes the rule set's identity.
    /// </summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ReadOnlySpan<byte> zero = [0];
        foreach (var (path, bytes) in _files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData(zero);
            sha.AppendData(bytes);
            sha.AppendData(zero);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }
}
