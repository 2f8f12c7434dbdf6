using System.Diagnostics;
using nietras.SeparatedValues;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The floor a check is measured against (performance issue): the time to decode and split the same CSV
/// files and parse their dates and amounts, and nothing else — no keys, no validation, no records.
/// </summary>
public static class IngestFloor
{
    /// <summary>Reads every feed CSV of <paramref name="dataDirectory"/>; returns rows read and parsed values (so nothing is optimised away).</summary>
    public static (long Rows, long Values, TimeSpan Elapsed) Measure(string dataDirectory)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0, values = 0;
        foreach (var schema in FeedIngest.Feeds)
        {
            var path = Path.Combine(dataDirectory, schema.Name + ".csv");
            if (!File.Exists(path))
            {
                continue;
            }
            using var stream = File.OpenRead(path);
            var encoding = TextEncodingDetector.Detect(stream);
            if (encoding.Encoding is null)
            {
                continue;
            }
            stream.Position = encoding.PreambleLength;
            using var text = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).From(text);
            var headers = reader.Header.ColNames.ToList();
            var match = HeaderMatcher.Match(schema, headers);
            var dates = new List<int>();
            var amounts = new List<int>();
            for (var f = 0; f < schema.Columns.Count; f++)
            {
                var column = match.ColumnOfField[f];
                if (column < 0)
                {
                    continue;
                }
                var english = schema.Columns[f].English;
                if (english is "amount")
                {
                    amounts.Add(column);
                }
                else if (english.EndsWith("_at", StringComparison.Ordinal) || english is "start" or "end")
                {
                    dates.Add(column);
                }
            }
            foreach (var row in reader)
            {
                rows++;
                foreach (var c in dates)
                {
                    if (c < row.ColCount && DateParser.TryParse(row[c].Span, out var d))
                    {
                        values += d.Day;
                    }
                }
                foreach (var c in amounts)
                {
                    if (c < row.ColCount && AmountParser.TryParse(row[c].Span, out var a))
                    {
                        values += (long)a;
                    }
                }
            }
        }
        return (rows, values, watch.Elapsed);
    }
}
