using System.Diagnostics;
using System.Text;
using nietras.SeparatedValues;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The floor a check is measured against (performance issue): the time to decode and split the same CSV
/// files and parse their dates and amounts, and nothing else — no keys, no validation, no records, no hashing.
/// Each file is decoded once, with the decoders reading uses (a BOM means UTF-8; else UTF-8, and GB18030 when
/// UTF-8 fails): checking the encoding over the whole file first, or decoding GB18030 through the slower
/// in-box decoder, would make the floor higher than the work reading must do and the ratio look better than it is.
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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            foreach (var encoding in TextEncodingDetector.Candidates(TextEncodingDetector.ReadBom(stream)))
            {
                try
                {
                    var read = ReadFile(schema, new StrictDecodingReader(stream, encoding.PreambleLength, encoding.Encoding));
                    rows += read.Rows;
                    values += read.Values;
                    break;
                }
                catch (DecoderFallbackException)
                {
                    // Not this encoding: the next one reads the file from its start, as reading does.
                }
            }
        }
        return (rows, values, watch.Elapsed);
    }

    private static (long Rows, long Values) ReadFile(FeedSchema schema, TextReader text)
    {
        long rows = 0, values = 0;
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
        return (rows, values);
    }
}
