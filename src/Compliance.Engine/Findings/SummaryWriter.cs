using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Findings;

/// <summary>
/// summary.json: the run in one indented object with a fixed key order. Every byte but <c>durationMs</c> depends
/// only on the input, the rule set and the as-of date, so two runs can be compared with a diff.
/// </summary>
public static class SummaryWriter
{
    public const string FileName = "summary.json";

    /// <summary>The four feeds of feeds.md, in the contract's order; each is listed even when its file is absent.</summary>
    public static readonly IReadOnlyList<string> Feeds = ["cases", "procedures", "charges", "stages"];

    public static void WriteFile(string path, DateOnly asOf, RuleSet ruleSet, FeedData data, CheckResult result, long durationMs)
    {
        using var stream = File.Create(path);
        Write(stream, asOf, ruleSet, data, result, durationMs);
    }

    public static void Write(Stream output, DateOnly asOf, RuleSet ruleSet, FeedData data, CheckResult result, long durationMs)
    {
        using var json = new JsonUtf8Writer(indented: true, sink: output);
        json.WriteStartObject();
        json.WritePropertyName("asOf");
        json.WriteDate(asOf);
        WriteRuleSet(json, ruleSet);
        WriteInputs(json, data);
        WriteFeeds(json, data, result);
        WriteFindings(json, result.Counts);
        json.WritePropertyName("rejects");
        json.WriteValue(data.Rejects.Count);
        WriteCalendarMissing(json, result);
        json.WritePropertyName("unknownUnits");
        WriteStrings(json, result.UnknownUnits);
        WriteUnknownColumns(json, data);
        WriteOrphanCharges(json, result);
        json.WritePropertyName("durationMs");
        json.WriteValue(durationMs);
        json.WriteEndObject();
        json.WriteRaw((byte)'\n');
        json.Flush();
    }

    private static void WriteRuleSet(JsonUtf8Writer json, RuleSet ruleSet)
    {
        json.WritePropertyName("ruleSet");
        json.WriteStartObject();
        json.WritePropertyName("version");
        json.WriteValue(ruleSet.Version);
        json.WritePropertyName("hash");
        json.WriteValue(ruleSet.Hash);
        json.WritePropertyName("label");
        json.WriteValue(ruleSet.Label);
        json.WriteEndObject();
    }

    // Sorted here rather than trusted to the reader: a folder listing's order differs between machines.
    private static void WriteInputs(JsonUtf8Writer json, FeedData data)
    {
        json.WritePropertyName("inputs");
        json.WriteStartArray();
        foreach (var file in data.Files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Feed, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WritePropertyName("feed");
            json.WriteValue(file.Feed);
            json.WritePropertyName("file");
            json.WriteValue(file.Name);
            json.WritePropertyName("sha256");
            json.WriteValue(file.Sha256);
            json.WritePropertyName("encoding");
            json.WriteValue(file.Encoding);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFeeds(JsonUtf8Writer json, FeedData data, CheckResult result)
    {
        var extra = data.Stats.Keys.Concat(result.FutureDated.Keys).Concat(result.Judged.Keys)
            .Where(feed => !Feeds.Contains(feed))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        json.WritePropertyName("feeds");
        json.WriteStartObject();
        foreach (var feed in Feeds.Concat(extra))
        {
            var stats = data.Stats.GetValueOrDefault(feed) ?? new FeedStats();
            json.WritePropertyName(feed);
            json.WriteStartObject();
            json.WritePropertyName("read");
            json.WriteValue(stats.Read);
            json.WritePropertyName("accepted");
            json.WriteValue(stats.Accepted);
            json.WritePropertyName("rejected");
            json.WriteValue(stats.Rejected);
            json.WritePropertyName("duplicate");
            json.WriteValue(stats.Duplicate);
            // A file refused whole has none of its rows above: this keeps its feed from reading as an empty export.
            json.WritePropertyName("filesRejected");
            json.WriteValue(stats.FilesRejected);
            json.WritePropertyName("futureDated");
            json.WriteValue(result.FutureDated.GetValueOrDefault(feed));
            json.WritePropertyName("judged");
            json.WriteValue(result.Judged.GetValueOrDefault(feed));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteFindings(JsonUtf8Writer json, FindingCounts counts)
    {
        json.WritePropertyName("findings");
        json.WriteStartObject();
        json.WritePropertyName("total");
        json.WriteValue(counts.Total);
        WriteCounts(json, "bySeverity", counts.BySeverity);
        WriteCounts(json, "byCode", counts.ByCode);
        WriteCounts(json, "byUnit", counts.ByUnit);
        json.WriteEndObject();
    }

    private static void WriteCounts(JsonUtf8Writer json, string name, SortedDictionary<string, int> counts)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        foreach (var (key, count) in counts)
        {
            json.WritePropertyName(key);
            json.WriteValue(count);
        }
        json.WriteEndObject();
    }

    private static void WriteCalendarMissing(JsonUtf8Writer json, CheckResult result)
    {
        json.WritePropertyName("calendarMissing");
        json.WriteStartObject();
        foreach (var (year, subjects) in result.CalendarMissing)
        {
            json.WritePropertyName(year.ToString(CultureInfo.InvariantCulture));
            WriteStrings(json, OrdinalOrder.Of(subjects));
        }
        json.WriteEndObject();
    }

    private static void WriteUnknownColumns(JsonUtf8Writer json, FeedData data)
    {
        json.WritePropertyName("unknownColumns");
        json.WriteStartObject();
        foreach (var (file, columns) in data.UnknownColumns)
        {
            json.WritePropertyName(file);
            WriteStrings(json, columns);
        }
        json.WriteEndObject();
    }

    private static void WriteOrphanCharges(JsonUtf8Writer json, CheckResult result)
    {
        json.WritePropertyName("orphanCharges");
        json.WriteStartObject();
        json.WritePropertyName("count");
        json.WriteValue(result.OrphanCharges.Count);
        json.WritePropertyName("charges");
        if (result.OrphanKeysInOrder is { } keys)
        {
            json.WriteStartArray();
            // Indexed: foreach over the interface would box an enumerator, and the keys are hundreds of thousands.
            for (var i = 0; i < keys.Count; i++)
            {
                json.WriteValue(keys[i]);
            }
            json.WriteEndArray();
        }
        else
        {
            WriteStrings(json, result.OrphanChargesInOrder);
        }
        json.WriteEndObject();
    }

    private static void WriteStrings(JsonUtf8Writer json, IEnumerable<string> values)
    {
        json.WriteStartArray();
        foreach (var v in values)
        {
            json.WriteValue(v);
        }
        json.WriteEndArray();
    }
}
