using System.Security.Cryptography;
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

    /// <summary>Per feed, the files read so far with the index of their first accepted record, to name where a key was first seen.</summary>
    private readonly Dictionary<string, List<(int Start, string File)>> _fileStarts = new(StringComparer.Ordinal);

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
        var start = input.Position;
        var sha = Convert.ToHexStringLower(SHA256.HashData(input));
        input.Position = start;
        var encoding = extension == ".xlsx" ? null : TextEncodingDetector.Detect(input);
        Data.Files.Add(new InputFile(feed, fileName, sha, encoding?.Name ?? DetectedEncoding.BinaryName));
        if (encoding is { Encoding: null })
        {
            RejectFile(feed, fileName, [], RejectReason.BadFile,
                $"文件 {fileName} 既不是 UTF-8 也不是 GB18030 编码，无法解码，整个文件未读入");
            return;
        }

        FeedSource source;
        try
        {
            source = extension switch
            {
                ".csv" => new CsvFeedSource(OpenText(input, start, encoding!)),
                ".json" => new JsonFeedSource(() => OpenText(input, start, encoding!)),
                _ => new XlsxFeedSource(input),
            };
        }
        catch (FeedFileException e)
        {
            RejectFile(feed, fileName, [], RejectReason.BadFile, $"文件 {fileName} 无法读取：{e.Message}，整个文件未读入");
            return;
        }
        using (source)
        {
            ReadRows(parser, source, fileName);
        }
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

    private static StreamReader OpenText(Stream input, long start, DetectedEncoding encoding)
    {
        input.Position = start + encoding.PreambleLength;
        return new StreamReader(input, encoding.Encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
