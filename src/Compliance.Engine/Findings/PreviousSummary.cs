using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Findings;

/// <summary>
/// What an incremental run checks in an earlier run's summary.json: the rule-set label, the inputs (as
/// <c>feed|file|sha256</c>), the as-of date as written and the calendar gaps. Each part is worked out when asked
/// for, as the caller used to take it from the parsed <c>JObject</c>, so a malformed part still fails only when it
/// is reached.
/// </summary>
/// <remarks>
/// A summary holds every orphan charge of its run (hundreds of thousands of ids) that none of these parts needs.
/// A file of the shape <see cref="SummaryWriter"/> writes is therefore read straight off its JSON tokens, skipping
/// the rest; anything else (lenient or malformed JSON, a repeated key, a part of an unexpected type, a string
/// Newtonsoft would take for a date) goes through the <c>JObject</c> as before, whose values or errors stand.
/// </remarks>
internal sealed class PreviousSummary
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32 };

    private readonly Func<string?> _label;
    private readonly Func<IEnumerable<string>> _inputs;
    private readonly Func<string?> _asOf;
    private readonly Func<Dictionary<int, List<string>>> _calendarMissing;

    private PreviousSummary(
        Func<string?> label, Func<IEnumerable<string>> inputs, Func<string?> asOf, Func<Dictionary<int, List<string>>> calendarMissing)
    {
        _label = label;
        _inputs = inputs;
        _asOf = asOf;
        _calendarMissing = calendarMissing;
    }

    public string? Label => _label();

    public IEnumerable<string> Inputs => _inputs();

    public string? AsOf => _asOf();

    public Dictionary<int, List<string>> CalendarMissing => _calendarMissing();

    /// <exception cref="Newtonsoft.Json.JsonException">The file is not a JSON object.</exception>
    public static PreviousSummary Read(string path) => TryQuick(File.ReadAllBytes(path)) ?? Parsed(JObject.Parse(File.ReadAllText(path)));

    internal static PreviousSummary Parsed(JObject summary) => new(
        () => (string?)summary["ruleSet"]?["label"],
        () => (summary["inputs"] as JArray ?? []).Select(i => $"{(string?)i["feed"]}|{(string?)i["file"]}|{(string?)i["sha256"]}"),
        () => (string?)summary["asOf"],
        () =>
        {
            var missing = new Dictionary<int, List<string>>();
            foreach (var p in (summary["calendarMissing"] as JObject ?? []).Properties())
            {
                missing[int.Parse(p.Name, CultureInfo.InvariantCulture)] = p.Value.Select(v => (string)v!).ToList();
            }
            return missing;
        });

    internal static PreviousSummary? TryQuick(byte[] bytes)
    {
        ReadOnlySpan<byte> json = bytes;
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            return Read(ref reader);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static PreviousSummary? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string? label = null, asOf = null;
        List<string> inputs = [];
        var missing = new Dictionary<int, List<string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key) || !reader.Read())
            {
                return null;
            }
            var taken = key switch
            {
                "ruleSet" => TryRuleSet(ref reader, out label),
                "inputs" => TryInputs(ref reader, inputs),
                "asOf" => TryText(ref reader, out asOf),
                "calendarMissing" => TryCalendarMissing(ref reader, missing),
                _ => Skipped(ref reader),
            };
            if (!taken)
            {
                return null;
            }
        }
        // After the object only whitespace may follow; reading on throws at anything else.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }
        return new PreviousSummary(() => label, () => inputs, () => asOf, () => missing);
    }

    private static bool Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    private static bool TryRuleSet(ref Utf8JsonReader reader, out string? label)
    {
        label = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key) || !reader.Read())
            {
                return false;
            }
            if (key == "label" ? !TryText(ref reader, out label) : !Skipped(ref reader))
            {
                return false;
            }
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryInputs(ref Utf8JsonReader reader, List<string> inputs)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            string? feed = null, file = null, sha256 = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!keys.Add(key) || !reader.Read())
                {
                    return false;
                }
                var taken = key switch
                {
                    "feed" => TryText(ref reader, out feed),
                    "file" => TryText(ref reader, out file),
                    "sha256" => TryText(ref reader, out sha256),
                    _ => Skipped(ref reader),
                };
                if (!taken)
                {
                    return false;
                }
            }
            inputs.Add($"{feed}|{file}|{sha256}");
        }
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryCalendarMissing(ref Utf8JsonReader reader, Dictionary<int, List<string>> missing)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key) || !int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }
            var subjects = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                if (!TryText(ref reader, out var subject))
                {
                    return false;
                }
                subjects.Add(subject!);
            }
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }
            missing[year] = subjects;
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    // A string or null, as a JObject casts it to string. Newtonsoft takes ISO date-times and "/Date(…)/" for dates
    // and casts them back in another form, so such strings are left to it.
    private static bool TryText(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        text = reader.GetString()!;
        return !text.StartsWith("/Date(", StringComparison.Ordinal) && !(text.Length > 10 && text[4] == '-' && text[10] == 'T');
    }
}
