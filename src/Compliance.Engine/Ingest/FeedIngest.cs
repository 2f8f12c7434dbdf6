using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Ingest;

/// <summary>
/// One run's reading of feed files into a <see cref="FeedData"/>. Files are read one at a time in the order
/// given; keys are unique across all files of a feed, and procedures see the cases accepted before them, so
/// cases must be read first. Every row ends up accepted, counted as an identical duplicate, or rejected.
/// </summary>
internal sealed class FeedIngest
{
    private readonly CaseRowParser _cases;
    private readonly ProcedureRowParser _procedures;
    private readonly ChargeRowParser _charges;
    private readonly StageRowParser _stages;

    /// <summary>Per feed, the files read so far with the index of their first accepted record, to name where a key was first seen.</summary>
    private readonly Dictionary<string, List<(int Start, string File)>> _fileStarts = new(StringComparer.Ordinal);

    public FeedIngest(StageCatalog stages)
    {
        var pool = new StringPool();
        _cases = new CaseRowParser(pool, Data.Cases);
        _procedures = new ProcedureRowParser(pool, Data.Procedures, _cases.AcceptedCaseId);
        _charges = new ChargeRowParser(pool, Data.Charges, _cases.AcceptedCaseId);
        _stages = new StageRowParser(pool, Data.Stages, stages);
    }

    /// <summary>The feeds in reading order.</summary>
    public static IReadOnlyList<FeedSchema> Feeds { get; } =
    [
        CaseRowParser.CasesSchema,
        ProcedureRowParser.ProceduresSchema,
        ChargeRowParser.ChargesSchema,
        StageRowParser.StagesSchema,
    ];

    /// <summary>The file forms of a feed, in reading order.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".json", ".xlsx"];

    public FeedData Data { get; } = new();

    private static DetectedEncoding[] BomEncodings { get; } =
        [new(DetectedEncoding.Utf8BomName, TextEncodingDetector.StrictUtf8, TextEncodingDetector.Utf8Bom.Length)];

    private static DetectedEncoding[] PlainEncodings { get; } =
    [
        new(DetectedEncoding.Utf8Name, TextEncodingDetector.StrictUtf8, 0),
        new(DetectedEncoding.Gb18030Name, TextEncodingDetector.StrictGb18030, 0),
    ];

    /// <summary>
    /// Reads one file of <paramref name="feed"/> (cases, procedures, charges, stages); the format follows the
    /// extension of <paramref name="fileName"/>, which is also the name rejects and the summary give the file.
    /// </summary>
    public void ReadFile(string feed, Stream stream, string fileName)
    {
        switch (feed)
        {
            case "cases":
                Read(_cases, stream, fileName);
                break;
            case "procedures":
                Read(_procedures, stream, fileName);
                break;
            case "charges":
                Read(_charges, stream, fileName);
                break;
            case "stages":
                Read(_stages, stream, fileName);
                break;
            default:
                throw new ArgumentException($"Unknown feed '{feed}' for file '{fileName}'; expected cases, procedures, charges or stages.", nameof(feed));
        }
    }

    /// <summary>Records a file that could not even be opened, so that the run goes on and says why.</summary>
    public void RejectUnopenable(string feed, string fileName, Exception error)
    {
        Data.StatsFor(feed).FilesRejected++;
        Data.Rejects.Add(new Reject(feed, fileName, 0, "", "", RejectReason.BadFile,
            $"文件 {fileName} 无法打开（{error.GetType().Name}），整个文件未读入"));
    }

    private void Read<TRecord>(RowParser<TRecord> parser, Stream stream, string fileName)
        where TRecord : class
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new ArgumentException($"Feed file '{fileName}' is not .csv, .json or .xlsx.", nameof(fileName));
        }
        var feed = parser.Schema.Name;
        var input = stream.CanSeek ? stream : Buffer(stream);
        if (extension == ".xlsx")
        {
            var start = input.Position;
            var sha = Convert.ToHexStringLower(SHA256.HashData(input));
            input.Position = start;
            Data.Files.Add(new InputFile(feed, fileName, sha, DetectedEncoding.BinaryName));
            ReadSource(parser, () => new XlsxFeedSource(input), fileName);
            return;
        }

        // feeds.md: a BOM means UTF-8; else the file is UTF-8 if all of it decodes as UTF-8, else GB18030 if all of
        // it decodes as that. Rather than checking the whole file before reading it, the file is read in the first
        // encoding that may fit; when a byte turns out not to decode, what that reading added is taken back and
        // the file is read in the next one. The outcome is that of checking first, in one pass for most files.
        using var hashed = new HashingReadStream(input);
        Span<byte> head = stackalloc byte[3];
        var bom = hashed.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(TextEncodingDetector.Utf8Bom);
        foreach (var encoding in bom ? BomEncodings : PlainEncodings)
        {
            var mark = Mark(parser, fileName);
            var text = new FileText(hashed, hashed.Start + encoding.PreambleLength, encoding.Encoding!);
            try
            {
                ReadSource(parser, extension == ".csv" ? () => new CsvFeedSource(text.Open()) : () => new JsonFeedSource(text.Open), fileName);
                text.CheckRest();
                Data.Files.Add(new InputFile(feed, fileName, hashed.Finish(), encoding.Name));
                return;
            }
            catch (DecoderFallbackException) when (!bom)
            {
                Rollback(parser, fileName, mark);
            }
        }
        Data.Files.Add(new InputFile(feed, fileName, hashed.Finish(), DetectedEncoding.UndecodableName));
        RejectFile(feed, fileName, [], RejectReason.BadFile,
            $"文件 {fileName} 既不是 UTF-8 也不是 GB18030 编码，无法解码，整个文件未读入");
    }

    private void ReadSource<TRecord>(RowParser<TRecord> parser, Func<FeedSource> open, string fileName)
        where TRecord : class
    {
        FeedSource source;
        try
        {
            source = open();
        }
        catch (FeedFileException e)
        {
            RejectFile(parser.Schema.Name, fileName, [], RejectReason.BadFile, $"文件 {fileName} 无法读取：{e.Message}，整个文件未读入");
            return;
        }
        using (source)
        {
            ReadRows(parser, source, fileName);
        }
    }

    /// <summary>What reading a file may change, noted before reading it so that a reading in the wrong encoding can be taken back.</summary>
    private ReadMark Mark<TRecord>(RowParser<TRecord> parser, string fileName)
        where TRecord : class
    {
        var stats = Data.StatsFor(parser.Schema.Name);
        return new ReadMark(
            Data.Rejects.Count,
            parser.Accepted.Count,
            _fileStarts.GetValueOrDefault(parser.Schema.Name)?.Count ?? 0,
            Data.UnknownColumns.GetValueOrDefault(fileName),
            new FeedStats { Read = stats.Read, Accepted = stats.Accepted, Rejected = stats.Rejected, Duplicate = stats.Duplicate, FilesRejected = stats.FilesRejected });
    }

    private void Rollback<TRecord>(RowParser<TRecord> parser, string fileName, ReadMark mark)
        where TRecord : class
    {
        var feed = parser.Schema.Name;
        Data.Rejects.RemoveRange(mark.Rejects, Data.Rejects.Count - mark.Rejects);
        parser.Accepted.RemoveRange(mark.Accepted, parser.Accepted.Count - mark.Accepted);
        parser.Keys.Truncate(mark.Accepted);
        if (_fileStarts.TryGetValue(feed, out var files))
        {
            files.RemoveRange(mark.Files, files.Count - mark.Files);
        }
        if (mark.UnknownColumns is null)
        {
            Data.UnknownColumns.Remove(fileName);
        }
        else
        {
            Data.UnknownColumns[fileName] = mark.UnknownColumns;
        }
        var stats = Data.StatsFor(feed);
        stats.Read = mark.Stats.Read;
        stats.Accepted = mark.Stats.Accepted;
        stats.Rejected = mark.Stats.Rejected;
        stats.Duplicate = mark.Stats.Duplicate;
        stats.FilesRejected = mark.Stats.FilesRejected;
    }

    private void ReadRows<TRecord>(RowParser<TRecord> parser, FeedSource source, string fileName)
        where TRecord : class
    {
        var schema = parser.Schema;
        var feed = schema.Name;
        var headers = source.Headers;
        var match = HeaderMatcher.Match(schema, headers);
        if (match.Conflicts.Count > 0)
        {
            RejectFile(feed, fileName, headers, RejectReason.BadFile,
                $"文件 {fileName} 中列 {string.Join("、", match.Conflicts)} 与另一列表示同一字段，无法确定取哪一列；找到的列：{ListHeaders(headers)}");
            return;
        }
        if (match.Missing.Count > 0)
        {
            RejectFile(feed, fileName, headers, RejectReason.MissingColumn,
                $"文件 {fileName} 缺少必填列：{string.Join("、", match.Missing)}；找到的列：{ListHeaders(headers)}");
            return;
        }
        if (match.Unknown.Count > 0)
        {
            Data.UnknownColumns[fileName] = [.. match.Unknown];
        }

        var stats = Data.StatsFor(feed);
        var accepted = parser.Accepted;
        var files = _fileStarts.GetValueOrDefault(feed) ?? [];
        _fileStarts[feed] = files;
        files.Add((accepted.Count, fileName));
        var row = new FieldRow(schema, match.ColumnOfField, headers);
        var raw = row.Raw;
        try
        {
            while (source.MoveNext(raw))
            {
                if (raw.BadRowMessage is null && raw.IsBlank())
                {
                    continue;
                }
                stats.Read++;
                if (raw.BadRowMessage is not null)
                {
                    stats.Rejected++;
                    Data.Rejects.Add(new Reject(feed, fileName, raw.Line, "", raw.BadRowValue, RejectReason.BadRow, raw.BadRowMessage));
                    continue;
                }
                if (!parser.TryParse(row, out var record, out var problem))
                {
                    stats.Rejected++;
                    Data.Rejects.Add(new Reject(feed, fileName, raw.Line, row.ColumnName(problem.Field), row.RawValue(problem.Field), problem.Reason, problem.Message));
                    continue;
                }
                var key = parser.KeyOf(record);
                if (key is not null && !parser.Keys.TryAdd(key, accepted.Count, out var first))
                {
                    var earlier = accepted[first];
                    if (parser.SameContent(earlier, record))
                    {
                        stats.Duplicate++;
                        continue;
                    }
                    stats.Rejected++;
                    var field = parser.KeyField;
                    Data.Rejects.Add(new Reject(feed, fileName, raw.Line, row.ColumnName(field), row.RawValue(field), RejectReason.DuplicateKey,
                        $"{schema.Columns[field].Chinese}“{parser.DescribeKey(record)}”与 {FileOf(files, first)} 第 {parser.LineOf(earlier)} 行重复，且内容不同"));
                    continue;
                }
                accepted.Add(record);
                stats.Accepted++;
            }
        }
        catch (FeedFileException e)
        {
            stats.FilesRejected++;
            Data.Rejects.Add(new Reject(feed, fileName, raw.Line, "", "", RejectReason.BadFile,
                $"文件 {fileName} 读取中断：{e.Message}；此前的行已读入"));
        }
    }

    /// <summary>The file a feed's record came from: the last file whose first record index is not after it.</summary>
    private static string FileOf(List<(int Start, string File)> files, int index)
    {
        for (var i = files.Count - 1; i > 0; i--)
        {
            if (files[i].Start <= index)
            {
                return files[i].File;
            }
        }
        return files[0].File;
    }

    private void RejectFile(string feed, string fileName, IReadOnlyList<string> headers, string reason, string message)
    {
        Data.StatsFor(feed).FilesRejected++;
        Data.Rejects.Add(new Reject(feed, fileName, 0, "", string.Join(",", headers), reason, message));
    }

    private static string ListHeaders(IReadOnlyList<string> headers) =>
        headers.Count == 0 ? "（无）" : string.Join("、", headers);

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
