using System.Globalization;
using System.Text;
using Compliance.Engine.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Findings;

/// <summary>
/// Reads findings.jsonl back into findings, so that a later run can start from an earlier one. Values come back
/// as the types that write the same bytes: strings (dates included), long, decimal (yuan), bool, lists and
/// nested evidence.
/// </summary>
public static class FindingsReader
{
    // Lines handed to another thread at a time: about 2 MB of text.
    private const int BatchSize = 2048;

    /// <remarks>
    /// A UTF-8 file (the checker writes nothing else) is cut into blocks of lines on this thread and the blocks are
    /// parsed on all cores; a line that cannot be read fails the whole file with the error of the first such line,
    /// as reading line by line would. A file in another encoding (UTF-16 or UTF-32, by its byte order mark) is read
    /// line by line.
    /// </remarks>
    public static List<Finding> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        if (!stream.CanSeek)
        {
            return ReadLines(new StreamReader(stream), path);
        }
        Span<byte> head = stackalloc byte[4];
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            stream.Position = 0;
            return ReadLines(new StreamReader(stream), path);
        }
        stream.Position = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return ReadBlocks(stream, path);
    }

    private static List<Finding> ReadLines(StreamReader text, string path)
    {
        using var _ = text;
        var findings = new List<Finding>();
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > 0)
            {
                findings.Add(Parse(line, path, lineNumber));
            }
        }
        return findings;
    }

    private static List<Finding> ReadBlocks(Stream stream, string path)
    {
        var findings = new List<Finding>();
        var pending = new Queue<Task<List<Finding>>>();
        // Two blocks per core keep the cores busy while this thread waits for the next in order; at most 16 (some 32 MB) are held at once.
        var inFlight = 2 * Math.Clamp(Environment.ProcessorCount, 1, 8);
        using var blocks = new Utf8LineBlocks(stream, BatchSize);
        try
        {
            while (true)
            {
                Utf8LineBlocks.Block? block;
                try
                {
                    block = blocks.Next();
                }
                catch
                {
                    // A line before the one that could not be read may hold an error of its own, which comes first.
                    TakeAll(pending, findings);
                    throw;
                }
                if (block is null)
                {
                    break;
                }
                pending.Enqueue(Task.Run(() => ParseBlock(block, path)));
                if (pending.Count >= inFlight)
                {
                    findings.AddRange(pending.Dequeue().GetAwaiter().GetResult());
                }
            }
            TakeAll(pending, findings);
        }
        finally
        {
            // After a failure, blocks still being parsed are waited for so that none outlives the call.
            while (pending.TryDequeue(out var task))
            {
                Task.WaitAny(task);
                _ = task.Exception;
            }
        }
        return findings;
    }

    private static void TakeAll(Queue<Task<List<Finding>>> pending, List<Finding> findings)
    {
        while (pending.TryDequeue(out var task))
        {
            findings.AddRange(task.GetAwaiter().GetResult());
        }
    }

    private static List<Finding> ParseBlock(Utf8LineBlocks.Block block, string path)
    {
        using var _ = block;
        var reader = new FindingLine();
        var findings = new List<Finding>(block.Lines.Count);
        foreach (var line in block.Lines)
        {
            var bytes = block.Bytes(line);
            findings.Add(reader.TryRead(bytes) ?? Parse(Encoding.UTF8.GetString(bytes), path, line.Number));
        }
        return findings;
    }

    // The thorough reading, and the authority: every line FindingLine does not take is read here, so the result or
    // the error is this method's.
    internal static Finding Parse(string line, string path, int lineNumber)
    {
        using var reader = new JsonTextReader(new StringReader(line)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        var o = JObject.Load(reader);
        return new Finding
        {
            Rule = Text(o, "rule", path, lineNumber),
            Severity = SeverityNames.TryParse(Text(o, "severity", path, lineNumber), out var severity)
                ? severity
                : throw new InvalidDataException($"{path}:{lineNumber}: unknown severity"),
            Subject = Text(o, "subject", path, lineNumber),
            Unit = Text(o, "unit", path, lineNumber),
            AsOf = Date(o, "asOf", path, lineNumber),
            OccurredOn = Date(o, "occurredOn", path, lineNumber),
            Message = Text(o, "message", path, lineNumber),
            Basis = Text(o, "basis", path, lineNumber),
            Evidence = EvidenceOf(o["evidence"] as JObject ?? throw new InvalidDataException($"{path}:{lineNumber}: no evidence")),
            RuleSet = Text(o, "ruleSet", path, lineNumber),
            Fingerprint = Text(o, "fingerprint", path, lineNumber),
        };
    }

    private static Evidence EvidenceOf(JObject o)
    {
        var e = new Evidence();
        foreach (var p in o.Properties())
        {
            e.Add(p.Name, ValueOf(p.Value));
        }
        return e;
    }

    private static object? ValueOf(JToken token) => token switch
    {
        JObject o => EvidenceOf(o),
        JArray a => a.Select(ValueOf).ToList(),
        JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } v => (string)v!,
        JValue { Type: JTokenType.Integer } v => Convert.ToInt64(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Float } v => Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } v => (bool)v!,
        _ => throw new InvalidDataException($"unexpected evidence value {token.Type}"),
    };

    private static string Text(JObject o, string key, string path, int line) =>
        o[key]?.Type == JTokenType.String ? (string)o[key]! : throw new InvalidDataException($"{path}:{line}: missing \"{key}\"");

    private static DateOnly Date(JObject o, string key, string path, int line) =>
        DateOnly.ParseExact(Text(o, key, path, line), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
