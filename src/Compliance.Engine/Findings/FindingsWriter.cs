using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Findings;

/// <summary>
/// findings.jsonl (findings.md): one finding per line with the keys in the contract's order, in the order given
/// (the checker has already sorted them). Chinese text is written as is, not \u-escaped.
/// </summary>
/// <remarks>
/// Lines do not depend on each other, so a large run is cut into consecutive chunks that are serialized on all
/// cores, each into its own buffer, and written out strictly in order: the bytes are those of one writer going
/// through the findings one by one. A finding that cannot be written fails the write with the error of the first
/// such finding, as a one-by-one writer would.
/// </remarks>
public static class FindingsWriter
{
    public const string FileName = "findings.jsonl";

    // About 2 MB of output: large enough that handing a chunk to another thread costs nothing in comparison,
    // small enough that the chunks in flight stay a few megabytes.
    internal const int ChunkSize = 2048;

    public static void WriteFile(string path, IEnumerable<Finding> findings)
    {
        using var stream = File.Create(path);
        Write(stream, findings);
    }

    public static void Write(Stream output, IEnumerable<Finding> findings)
    {
        var list = findings as IReadOnlyList<Finding> ?? [.. findings];
        if (list.Count <= ChunkSize)
        {
            using var json = Serialize(list, 0, list.Count);
            output.Write(json.Written);
            return;
        }
        WriteInChunks(output, list);
    }

    private static void WriteInChunks(Stream output, IReadOnlyList<Finding> findings)
    {
        var chunks = (findings.Count + ChunkSize - 1) / ChunkSize;
        // Two chunks per core keep the cores busy while this thread waits for the next in order; at most 16 (some 32 MB) are held at once.
        var inFlight = 2 * Math.Clamp(Environment.ProcessorCount, 1, 8);
        var pending = new Queue<Task<JsonUtf8Writer>>();
        var started = 0;
        try
        {
            for (var written = 0; written < chunks; written++)
            {
                while (started < chunks && pending.Count < inFlight)
                {
                    var from = started * ChunkSize;
                    var count = Math.Min(ChunkSize, findings.Count - from);
                    pending.Enqueue(Task.Run(() => Serialize(findings, from, count)));
                    started++;
                }
                using var chunk = pending.Dequeue().GetAwaiter().GetResult();
                output.Write(chunk.Written);
            }
        }
        finally
        {
            ReleaseAbandoned(pending);
        }
    }

    // After a failure, the chunks still in flight are waited for, so that none outlives the call, and their buffers returned.
    private static void ReleaseAbandoned(Queue<Task<JsonUtf8Writer>> pending)
    {
        while (pending.TryDequeue(out var task))
        {
            Task.WaitAny(task);
            if (task.IsCompletedSuccessfully)
            {
                task.Result.Dispose();
            }
            else
            {
                _ = task.Exception;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonUtf8Writer Serialize(IReadOnlyList<Finding> findings, int from, int count)
    {
        var json = new JsonUtf8Writer(capacity: Math.Max(1024, count * 1024));
        try
        {
            for (var i = from; i < from + count; i++)
            {
                WriteLine(json, findings[i]);
            }
            return json;
        }
        catch
        {
            json.Dispose();
            throw;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteLine(JsonUtf8Writer json, Finding f)
    {
        json.WriteStartObject();
        json.WritePropertyName("rule"u8);
        json.WriteValue(f.Rule);
        json.WritePropertyName("severity"u8);
        json.WriteValue(f.Severity.ToCode());
        json.WritePropertyName("subject"u8);
        json.WriteValue(f.Subject);
        json.WritePropertyName("unit"u8);
        json.WriteValue(f.Unit);
        json.WritePropertyName("asOf"u8);
        json.WriteDate(f.AsOf);
        json.WritePropertyName("occurredOn"u8);
        json.WriteDate(f.OccurredOn);
        json.WritePropertyName("message"u8);
        json.WriteValue(f.Message);
        json.WritePropertyName("basis"u8);
        json.WriteValue(f.Basis);
        json.WritePropertyName("evidence"u8);
        EvidenceJson.WriteObject(json, f.Evidence);
        json.WritePropertyName("ruleSet"u8);
        json.WriteValue(f.RuleSet);
        json.WritePropertyName("fingerprint"u8);
        json.WriteValue(f.Fingerprint);
        json.WriteEndObject();
        json.WriteRaw((byte)'\n');
    }
}
