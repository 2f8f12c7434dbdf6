using Compliance.Host.Generation;

namespace Compliance.Host.Bench;

/// <summary>
/// Puts the records of a generated CSV file in a seeded random order, the header first: the generator lists each
/// case's charges together, in the cases' order, and an export sorted by anything else does not. A record is one
/// or more lines: a line break inside quotes continues it. The bytes of each record are kept as they are.
/// </summary>
internal static class RecordShuffle
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static void Apply(string path, int seed)
    {
        var bytes = File.ReadAllBytes(path);
        var records = Records(bytes, out var headerEnd);
        var random = new SeededRandom(seed);
        for (var i = records.Count - 1; i > 0; i--)
        {
            var j = random.Between(0, i);
            (records[i], records[j]) = (records[j], records[i]);
        }
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        output.Write(bytes, 0, headerEnd);
        foreach (var (start, length) in records)
        {
            output.Write(bytes, start, length);
        }
    }

    /// <summary>Where each record after the header starts and how long it is, its line break included.</summary>
    private static List<(int Start, int Length)> Records(byte[] bytes, out int headerEnd)
    {
        var records = new List<(int, int)>();
        var start = bytes.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
        var header = -1;
        var quoted = false;
        for (var i = start; i < bytes.Length; i++)
        {
            // A quote byte never occurs inside a multi-byte character of UTF-8 or GB18030.
            if (bytes[i] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (bytes[i] == (byte)'\n' && !quoted)
            {
                if (header < 0)
                {
                    header = i + 1;
                }
                else
                {
                    records.Add((start, i + 1 - start));
                }
                start = i + 1;
            }
        }
        if (start < bytes.Length)
        {
            throw new InvalidDataException($"{bytes.Length - start} bytes after the last line break: a generated file ends with one.");
        }
        headerEnd = header < 0 ? bytes.Length : header;
        return records;
    }
}
