using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Catalog;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// One run's reading of feed files into a <see cref="FeedData"/>. Files are read one at a time in the order
/// given; keys are unique across all files of a feed, and procedures see the cases accepted before them, so
/// cases must be read first. Every row ends up accepted, counted as an identical duplicate, or rejected.
/// </summary>
/// <remarks>
/// The methods run once per row or value are marked <see cref="MethodImplOptions.AggressiveOptimization"/>: a
/// run reads each file once, and with tiered compilation the first few hundred thousand rows would go through
/// unoptimised code while the runtime waits to see which methods are hot.
/// </remarks>
internal sealed class FeedIngest
{
    private readonly FeedState<CaseRecord> _cases;
    private readonly FeedState<ProcedureRecord> _procedures;
    private readonly FeedState<ChargeRecord> _charges;
    private readonly Func<StageCatalog> _stageCatalog;
    private FeedState<StageRecord>? _stages;

    public FeedIngest(StageCatalog stages)
        : this(() => stages)
    {
    }

    /// <param name="stages">Asked for once, when the first stages file is read, and not at all without one.</param>
    public FeedIngest(Func<StageCatalog> stages)
    {
        _stageCatalog = stages;
        // A parser per thread that parses (the accepting thread and the one that reads ahead): parsers pool strings.
        _cases = new FeedState<CaseRecord>(Data.Cases, new CaseRowParser(), new CaseRowParser());
        Data.CaseKeys = _cases.Keys;
        _procedures = new FeedState<ProcedureRecord>(Data.Procedures, new ProcedureRowParser(AcceptedCaseId), new ProcedureRowParser(AcceptedCaseId));
        _charges = new FeedState<ChargeRecord>(Data.Charges, new ChargeRowParser(AcceptedCaseId, PrefetchCases), new ChargeRowParser(AcceptedCaseId, PrefetchCases));
    }

    // Made at the first stages file, the last feed read, so that the caller may still be loading its rule set
    // while the other feeds are read.
    private FeedState<StageRecord> Stages
    {
        get
        {
            if (_stages is null)
            {
                var catalog = _stageCatalog();
                _stages = new FeedState<StageRecord>(Data.Stages, new StageRowParser(catalog), new StageRowParser(catalog));
            }
            return _stages;
        }
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
                Read(Stages, stream, fileName);
                break;
            default:
                throw new ArgumentException($"Unknown feed '{feed}' for file '{fileName}'; expected cases, procedures, charges or stages.", nameof(feed));
        }
    }

    /// <summary>How the key table of a feed with keys (cases, charges, stages) was sized: keys, slots, resizes.</summary>
    internal (int Count, int Capacity, int Resizes) KeyTable(string feed) => feed switch
    {
        "cases" => (_cases.Keys.Count, _cases.Keys.Capacity, _cases.Keys.Resizes),
        "charges" => (_charges.Keys.Count, _charges.Keys.Capacity, _charges.Keys.Resizes),
        "stages" => (Stages.Keys.Count, Stages.Keys.Capacity, Stages.Keys.Resizes),
        _ => throw new ArgumentException($"Feed '{feed}' has no keys.", nameof(feed)),
    };

    /// <summary>Records a file that could not even be opened, so that the run goes on and says why.</summary>
    public void RejectUnopenable(string feed, string fileName, Exception error)
    {
        Data.StatsFor(feed).FilesRejected++;
        Data.Rejects.Add(new Reject(feed, fileName, 0, "", "", RejectReason.BadFile,
            $"文件 {fileName} 无法打开（{ReadFailure.Reason(error)}），整个文件未读入") { WholeFile = true });
    }

    /// <summary>Records a folder found where a feed file was expected.</summary>
    public void RejectFolder(string feed, string fileName) =>
        RejectFile(feed, fileName, [], RejectReason.BadFile, $"{fileName} 是文件夹而不是文件，整个文件未读入");

    /// <summary>Reads ahead what finding accepted cases will read (a <see cref="CasePrefetch"/>).</summary>
    private long PrefetchCases(ReadOnlySpan<int> hashes) => _cases.Keys.PrefetchFinds(hashes);

    /// <summary>The accepted case's own id string and position (a <see cref="CaseLookup"/>).</summary>
    /// <remarks>
    /// Exports tend to list records in the order of their cases, so the case a row names is often the one the row
    /// before named or one of the few after it. Those lie next to each other in memory, where the case key table's
    /// probe costs a chain of cache misses (slot, record, id) per row. Accepted case ids are unique, so a case
    /// found there is the one the table holds.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? AcceptedCaseId(ReadOnlySpan<char> caseId, int near, out int index)
    {
        var accepted = _cases.Accepted;
        var end = Math.Min(accepted.Count, near + 1 + CaseFinder.Nearby);
        for (var i = Math.Max(near, 0); near >= 0 && i < end; i++)
        {
            var id = accepted[i].CaseId;
            if (caseId.SequenceEqual(id))
            {
                index = i;
                return id;
            }
        }
        return _cases.Keys.TryFind(caseId, out index) ? accepted[index].CaseId : null;
    }

    private void Read<TRecord>(FeedState<TRecord> state, Stream stream, string fileName)
        where TRecord : class
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new ArgumentException($"Feed file '{fileName}' is not .csv, .json or .xlsx.", nameof(fileName));
        }
        var feed = state.Schema.Name;
        var input = stream.CanSeek ? stream : Buffer(stream);
        if (extension == ".xlsx")
        {
            var start = input.Position;
            var sha = Convert.ToHexStringLower(SHA256.HashData(input));
            input.Position = start;
            Data.Files.Add(new InputFile(feed, fileName, sha, DetectedEncoding.BinaryName));
            ReadSource(state, () => new XlsxFeedSource(input), null, fileName);
            return;
        }

        // feeds.md: a BOM means UTF-8; else the file is UTF-8 if all of it decodes as UTF-8, else GB18030 if all of
        // it decodes as that. Rather than checking the whole file before reading it, the file is read in the first
        // encoding that may fit; when a byte turns out not to decode, what that reading added is taken back and
        // the file is read in the next one. The outcome is that of checking first, in one pass for most files.
        using var hashed = new HashingReadStream(input);
        var bom = TextEncodingDetector.ReadBom(hashed);
        FileText? failed = null;
        foreach (var encoding in TextEncodingDetector.Candidates(bom))
        {
            var mark = Mark(state, fileName);
            var text = new FileText(hashed, hashed.Start + encoding.PreambleLength, encoding.Encoding);
            try
            {
                ReadSource(state, extension == ".csv" ? () => new CsvFeedSource(text.Open(), text.OpenAtLine) : () => new JsonFeedSource(text.Open, text.OpenAside), text, fileName);
                text.CheckRest();
                Data.Files.Add(new InputFile(feed, fileName, hashed.Finish(), encoding.Name));
                return;
            }
            catch (DecoderFallbackException)
            {
                Rollback(state, fileName, mark);
                // The encoding that decoded furthest is the likelier one, and where it stopped the likelier damage:
                // a UTF-8 file with one bad byte deep in fails as GB18030 within its first Chinese characters.
                if (failed is null || text.FailedAt >= failed.FailedAt)
                {
                    failed = text;
                }
            }
        }
        var (position, line) = failed!.FirstUndecodable();
        var where = $"第 {line} 行（字节偏移 {position - hashed.Start}）处的字节";
        Data.Files.Add(new InputFile(feed, fileName, hashed.Finish(), DetectedEncoding.UndecodableName));
        RejectFile(feed, fileName, [], RejectReason.BadFile, bom
            ? $"文件 {fileName} 以 UTF-8 BOM 开头，但{where}不是 UTF-8，无法解码，整个文件未读入"
            : $"文件 {fileName} 既不是 UTF-8 也不是 GB18030 编码：{where}无法解码，整个文件未读入", line);
    }

    /// <param name="text">The file's text, to estimate its rows from how far reading got; null when that cannot be told (xlsx).</param>
    private void ReadSource<TRecord>(FeedState<TRecord> state, Func<FeedSource> open, FileText? text, string fileName)
        where TRecord : class
    {
        FeedSource source;
        try
        {
            source = open();
        }
        catch (FeedFileException e)
        {
            RejectFile(state.Schema.Name, fileName, [], RejectReason.BadFile, $"文件 {fileName} 无法读取：{e.Message}，整个文件未读入");
            return;
        }
        using (source)
        {
            ReadRows(state, source, text, fileName);
        }
    }

    private void ReadRows<TRecord>(FeedState<TRecord> state, FeedSource source, FileText? text, string fileName)
        where TRecord : class
    {
        var schema = state.Schema;
        var feed = schema.Name;
        var headers = source.Headers;
        var match = HeaderMatcher.Match(schema, headers);
        if (match.Conflicts.Count > 0)
        {
            RejectFile(feed, fileName, headers, RejectReason.BadFile,
                $"文件 {fileName} 中列 {string.Join("、", match.Conflicts)} 与另一列表示同一字段，无法确定取哪一列；找到的列：{ListHeaders(headers)}");
            return;
        }
        if (match.Missing.Count > 0 && source.HasColumns)
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
        state.StartFile(fileName);
        var row = new FieldRow(schema, match.ColumnOfField, headers);
        using var pipeline = new RowPipeline<TRecord>(source, state.ReadAheadParser, row, text is null ? null : () => text.BytesRead);
        var rows = 0L;
        var namelessWithData = new bool[match.Nameless.Count];
        while (true)
        {
            var batch = pipeline.Next();
            if (!batch.Parsed)
            {
                batch.Parse(state.Parser, row);
            }
            rows += batch.Count;
            if (text is not null)
            {
                ReserveForRest(state, rows, batch.BytesRead, text.Length);
            }
            state.Keys.Prefetch(batch.KeyHashes.AsSpan(0, batch.Count));
            for (var i = 0; i < batch.Count; i++)
            {
                row.Raw = batch.Rows[i];
                if (namelessWithData.Length > 0)
                {
                    NoteNamelessData(row.Raw, match.Nameless, namelessWithData);
                }
                Accept(state, stats, row, batch, i, fileName);
            }
            if (batch.Error is { } error)
            {
                if (error.SourceException is not FeedFileException e)
                {
                    error.Throw();
                    return;
                }
                stats.FilesRejected++;
                Data.Rejects.Add(new Reject(feed, fileName, batch.ErrorLine, "", "", RejectReason.BadFile,
                    $"文件 {fileName} 读取中断：{e.Message}；此前的行已读入"));
            }
            var ended = batch.Ended;
            pipeline.Recycle(batch);
            if (ended)
            {
                ListNamelessWithData(fileName, match.Nameless, namelessWithData);
                return;
            }
        }
    }

    /// <summary>Marks the nameless columns in which this row has a value: data no field takes must not go unmentioned.</summary>
    private static void NoteNamelessData(RawRow raw, IReadOnlyList<int> nameless, bool[] withData)
    {
        if (raw.BadRowMessage is not null)
        {
            return;
        }
        for (var n = 0; n < nameless.Count; n++)
        {
            if (!withData[n] && nameless[n] < raw.Count && !raw[nameless[n]].IsWhiteSpace())
            {
                withData[n] = true;
            }
        }
    }

    /// <summary>Lists, after the named unknown columns, each nameless column a row had data in, by its position.</summary>
    private void ListNamelessWithData(string fileName, IReadOnlyList<int> nameless, bool[] withData)
    {
        if (!withData.Contains(true))
        {
            return;
        }
        List<string> listed = [.. Data.UnknownColumns.GetValueOrDefault(fileName) ?? []];
        for (var n = 0; n < nameless.Count; n++)
        {
            if (withData[n])
            {
                listed.Add($"第{nameless[n] + 1}列（无列名）");
            }
        }
        Data.UnknownColumns[fileName] = listed;
    }

    /// <summary>
    /// Sizes the key table and the records' list for the rows the file still holds, estimated from the rows per byte
    /// so far, so that they do not grow by doubling all along a large file. An estimate only: reading runs ahead of the rows counted,
    /// so it is low at first, and a table that proves too small still grows.
    /// </summary>
    private static void ReserveForRest<TRecord>(FeedState<TRecord> state, long rows, long bytesRead, long length)
        where TRecord : class
    {
        if (bytesRead <= 0 || bytesRead >= length || !state.Parser.HasKey)
        {
            return;
        }
        var remaining = (double)rows * (length - bytesRead) / bytesRead;
        state.Keys.Reserve((int)Math.Min(int.MaxValue, state.Keys.Count + remaining));
        // The records' list likewise, since growing by doubling leaves as much again behind as the list ends up
        // holding; but once, when a sixteenth of the file is read: an estimate that creeps up batch by batch would
        // copy the list at every step. By then the rows read ahead and not yet counted make it low by a few
        // percent, which the eighth to spare covers; a list that proves too small still grows.
        var expected = state.Accepted.Count + remaining;
        if (bytesRead >= length / 16 && expected > state.Accepted.Capacity && !state.ListReserved)
        {
            state.ListReserved = true;
            state.Accepted.Capacity = (int)Math.Min(Array.MaxLength, expected + expected / 8);
        }
    }

    /// <summary>Accepts the parsed row <paramref name="i"/> of a batch (a row that is not blank), or rejects it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accept<TRecord>(FeedState<TRecord> state, FeedStats stats, FieldRow row, RowBatch<TRecord> batch, int i, string fileName)
        where TRecord : class
    {
        var record = batch.Records[i];
        var parser = state.Parser;
        var feed = state.Schema.Name;
        var raw = row.Raw;
        stats.Read++;
        if (raw.BadRowMessage is not null)
        {
            stats.Rejected++;
            Data.Rejects.Add(new Reject(feed, fileName, raw.Line, "", raw.BadRowValue, RejectReason.BadRow, raw.BadRowMessage));
            return;
        }
        if (record is null)
        {
            stats.Rejected++;
            var problem = batch.Problems[i];
            Data.Rejects.Add(new Reject(feed, fileName, raw.Line, row.ColumnName(problem.Field), row.RawValue(problem.Field), problem.Reason, problem.Message));
            return;
        }
        var accepted = state.Accepted;
        var key = batch.Keys[i];
        if (key is not null && !state.Keys.TryAdd(key, batch.KeyHashes[i], accepted.Count, out var first))
        {
            var earlier = accepted[first];
            if (parser.SameContent(earlier, record))
            {
                stats.Duplicate++;
                return;
            }
            stats.Rejected++;
            var field = parser.KeyField;
            Data.Rejects.Add(new Reject(feed, fileName, raw.Line, row.ColumnName(field), row.RawValue(field), RejectReason.DuplicateKey,
                $"{state.Schema.Columns[field].Chinese}“{parser.DescribeKey(record)}”与 {state.FileOf(first)} 第 {parser.LineOf(earlier)} 行重复，且内容不同"));
            return;
        }
        accepted.Add(record);
        stats.Accepted++;
    }

    /// <summary>What reading a file may change, noted before reading it so that a reading in the wrong encoding can be taken back.</summary>
    private ReadMark Mark<TRecord>(FeedState<TRecord> state, string fileName)
        where TRecord : class
    {
        var stats = Data.StatsFor(state.Schema.Name);
        return new ReadMark(
            Data.Rejects.Count,
            state.Accepted.Count,
            state.FileCount,
            Data.UnknownColumns.GetValueOrDefault(fileName),
            new FeedStats { Read = stats.Read, Accepted = stats.Accepted, Rejected = stats.Rejected, Duplicate = stats.Duplicate, FilesRejected = stats.FilesRejected });
    }

    private void Rollback<TRecord>(FeedState<TRecord> state, string fileName, ReadMark mark)
        where TRecord : class
    {
        Data.Rejects.RemoveRange(mark.Rejects, Data.Rejects.Count - mark.Rejects);
        state.Truncate(mark.Accepted, mark.Files);
        if (mark.UnknownColumns is null)
        {
            Data.UnknownColumns.Remove(fileName);
        }
        else
        {
            Data.UnknownColumns[fileName] = mark.UnknownColumns;
        }
        var stats = Data.StatsFor(state.Schema.Name);
        stats.Read = mark.Stats.Read;
        stats.Accepted = mark.Stats.Accepted;
        stats.Rejected = mark.Stats.Rejected;
        stats.Duplicate = mark.Stats.Duplicate;
        stats.FilesRejected = mark.Stats.FilesRejected;
    }

    /// <param name="line">0 for the file as a whole; the line where it broke, for a file that cannot be decoded.</param>
    private void RejectFile(string feed, string fileName, IReadOnlyList<string> headers, string reason, string message, int line = 0)
    {
        Data.StatsFor(feed).FilesRejected++;
        Data.Rejects.Add(new Reject(feed, fileName, line, "", string.Join(",", headers), reason, message) { WholeFile = true });
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
