using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Findings;

/// <summary>
/// One line of findings.jsonl read straight from its UTF-8 bytes, for the lines this checker writes. It takes only
/// strict JSON in the shape of findings.md and gives up on anything else (malformed or lenient JSON, a missing,
/// mistyped or repeated key, an exponent, a number beyond long, an unknown severity or date, text that is not
/// valid UTF-8): <see cref="FindingsReader"/> then reads the line the thorough way, whose finding or error stands.
/// What it does take, it takes as the thorough way would: strings, long, decimal (with the same scale), bool,
/// null, lists and nested evidence, in the file's order.
/// </summary>
/// <remarks>One instance per thread of reading: it keeps the repeated strings (rules, units, keys) it has met.</remarks>
internal sealed class FindingLine
{
    // Short strings (dates, codes) and small whole numbers recur across a file's evidence; a run's baseline keeps
    // tens of thousands of findings, so each is held once rather than once per finding.
    private const int ShortText = 16;
    private const int SmallWholeRange = 1024;

    // Well below the thorough reader's limit of 64, so that nothing near that limit is taken here.
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32 };

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallWholes = [.. Enumerable.Range(-SmallWholeRange, 2 * SmallWholeRange).Select(n => (object)(long)n)];

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _known;
    private char[] _chars = new char[256];

    public FindingLine()
    {
        _known = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The finding on <paramref name="line"/>, or null when the line needs the thorough reading.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Finding? TryRead(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            return Read(ref reader);
        }
        catch (Exception)
        {
            // Malformed JSON or text that does not decode: the thorough reading meets it again and reports it in its own words.
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Finding? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? rule = null, severity = null, subject = null, unit = null, message = null, basis = null, ruleSet = null, fingerprint = null;
        DateOnly? asOf = null, occurredOn = null;
        Evidence? evidence = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("evidence"u8))
            {
                if (evidence is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }
                evidence = ReadEvidence(ref reader);
                if (evidence is null)
                {
                    return null;
                }
                continue;
            }
            var known =
                reader.ValueTextEquals("rule"u8) ? Take(ref reader, ref rule, shared: true) :
                reader.ValueTextEquals("severity"u8) ? Take(ref reader, ref severity, shared: true) :
                reader.ValueTextEquals("subject"u8) ? Take(ref reader, ref subject, shared: false) :
                reader.ValueTextEquals("unit"u8) ? Take(ref reader, ref unit, shared: true) :
                reader.ValueTextEquals("asOf"u8) ? TakeDate(ref reader, ref asOf) :
                reader.ValueTextEquals("occurredOn"u8) ? TakeDate(ref reader, ref occurredOn) :
                reader.ValueTextEquals("message"u8) ? Take(ref reader, ref message, shared: false) :
                reader.ValueTextEquals("basis"u8) ? Take(ref reader, ref basis, shared: true) :
                reader.ValueTextEquals("ruleSet"u8) ? Take(ref reader, ref ruleSet, shared: true) :
                reader.ValueTextEquals("fingerprint"u8) ? Take(ref reader, ref fingerprint, shared: false) :
                (bool?)null;
            if (known is null)
            {
                // A key outside the contract is read over and ignored, as the thorough reading ignores it.
                reader.Skip();
            }
            else if (known == false)
            {
                return null;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject
            || rule is null || subject is null || unit is null || message is null || basis is null || ruleSet is null
            || fingerprint is null || asOf is null || occurredOn is null || evidence is null
            || !SeverityNames.TryParse(severity, out var level))
        {
            return null;
        }
        return new Finding
        {
            Rule = rule,
            Severity = level,
            Subject = subject,
            Unit = unit,
            AsOf = asOf.Value,
            OccurredOn = occurredOn.Value,
            Message = message,
            Basis = basis,
            Evidence = evidence,
            RuleSet = ruleSet,
            Fingerprint = fingerprint,
        };
    }

    // A repeated key or a value that is not a string gives up.
    private bool Take(ref Utf8JsonReader reader, ref string? slot, bool shared)
    {
        if (slot is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        slot = shared ? Shared(ref reader) : reader.GetString()!;
        return true;
    }

    private bool TakeDate(ref Utf8JsonReader reader, ref DateOnly? slot)
    {
        if (slot is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        if (!DateOnly.TryParseExact(Chars(ref reader), EvidenceJson.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        slot = date;
        return true;
    }

    // A repeated key gives up: a JObject keeps the first one's place with the last one's value, a case not worth copying here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Evidence? ReadEvidence(ref Utf8JsonReader reader)
    {
        var evidence = new Evidence();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return evidence;
            }
            var key = Shared(ref reader);
            if (evidence.TryGet(key, out _) || !reader.Read() || !TryValue(ref reader, out var value))
            {
                return null;
            }
            evidence.Add(key, value);
        }
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryValue(ref Utf8JsonReader reader, out object? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.True:
                value = True;
                return true;
            case JsonTokenType.False:
                value = False;
                return true;
            case JsonTokenType.String:
                value = reader.ValueSpan.Length <= ShortText ? Shared(ref reader) : reader.GetString();
                return true;
            case JsonTokenType.Number:
                return TryNumber(reader.ValueSpan, out value);
            case JsonTokenType.StartObject:
                value = ReadEvidence(ref reader);
                return value is not null;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                value = list;
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return true;
                    }
                    if (!TryValue(ref reader, out var item))
                    {
                        return false;
                    }
                    list.Add(item);
                }
                return false;
            default:
                value = null;
                return false;
        }
    }

    // Newtonsoft reads a number without '.' or exponent as long and one with them as decimal. Only plain forms are
    // taken: digits, or digits with a fraction, at most 28 digits in all (where both parsers agree to the last bit);
    // negative zero with a fraction is left to the thorough reading, whose parser drops the sign of -0.0.
    private static bool TryNumber(ReadOnlySpan<byte> text, out object? value)
    {
        value = null;
        var point = text.IndexOf((byte)'.');
        if (point < 0)
        {
            if (text.ContainsAny((byte)'e', (byte)'E') || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return false;
            }
            value = whole is >= -SmallWholeRange and < SmallWholeRange ? SmallWholes[whole + SmallWholeRange] : whole;
            return true;
        }
        var digits = text.Length - 1 - (text[0] == '-' ? 1 : 0);
        if (digits > 28 || text.ContainsAny((byte)'e', (byte)'E')
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || (amount == 0m && text[0] == '-'))
        {
            return false;
        }
        value = amount;
        return true;
    }

    // Strings that recur from line to line (rules, units, keys) are kept once.
    private string Shared(ref Utf8JsonReader reader)
    {
        var text = Chars(ref reader);
        if (_known.TryGetValue(text, out var known))
        {
            return known;
        }
        var added = text.ToString();
        _strings.Add(added);
        return added;
    }

    // The token's text, decoded into a scratch buffer; an escaped or UTF-8 text never has more characters than bytes.
    private ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
    {
        if (_chars.Length < reader.ValueSpan.Length)
        {
            _chars = new char[Math.Max(reader.ValueSpan.Length, _chars.Length * 2)];
        }
        return _chars.AsSpan(0, reader.CopyString(_chars));
    }
}
