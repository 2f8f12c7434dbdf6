namespace Compliance.Engine.Ingest;

/// <summary>
/// Matches headers to a feed's columns by Chinese or English name, ignoring case, surrounding spaces (full-width
/// too) and the marks templates put on required columns: a trailing <c>(必填)</c>, <c>（必填）</c> or <c>*</c>.
/// </summary>
internal static class HeaderMatcher
{
    public static HeaderMatch Match(FeedSchema schema, IReadOnlyList<string> headers)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var f = 0; f < schema.Columns.Count; f++)
        {
            names[schema.Columns[f].Chinese] = f;
            names[schema.Columns[f].English] = f;
        }

        var columnOfField = new int[schema.Columns.Count];
        Array.Fill(columnOfField, -1);
        var conflicts = new List<string>();
        var unknown = new List<string>();
        var nameless = new List<int>();
        for (var c = 0; c < headers.Count; c++)
        {
            var name = Normalize(headers[c]);
            if (name.Length == 0)
            {
                nameless.Add(c);
                continue;
            }
            if (!names.TryGetValue(name, out var field))
            {
                unknown.Add(headers[c]);
            }
            else if (columnOfField[field] >= 0)
            {
                conflicts.Add(headers[c]);
            }
            else
            {
                columnOfField[field] = c;
            }
        }

        var missing = new List<string>();
        for (var f = 0; f < schema.Columns.Count; f++)
        {
            if (schema.Columns[f].Required && columnOfField[f] < 0)
            {
                missing.Add(schema.Describe(f));
            }
        }
        return new HeaderMatch(columnOfField, missing, conflicts, unknown, nameless);
    }

    /// <summary>The header stripped of surrounding white space, a BOM and required-column marks; case is left to the comparer.</summary>
    public static string Normalize(string header)
    {
        var s = header.AsSpan().Trim().TrimStart('\uFEFF').Trim();
        while (true)
        {
            if (s.Length > 0 && s[^1] is '*' or '＊')
            {
                s = s[..^1].TrimEnd();
                continue;
            }
            if (s.Length > 0 && s[^1] is ')' or '）')
            {
                var open = s.LastIndexOfAny('(', '（');
                if (open >= 0 && s[(open + 1)..^1].Trim().SequenceEqual("必填"))
                {
                    s = s[..open].TrimEnd();
                    continue;
                }
            }
            return s.ToString();
        }
    }
}
