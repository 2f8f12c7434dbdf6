using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Rows a source read, handed from the thread that reads ahead to the thread that accepts them, with their parse
/// results once one of the two threads parsed them. Blank rows are left out. The last batch of a file may carry
/// the exception that ended reading, to be raised after its rows, where reading one row at a time would raise it.
/// </summary>
internal sealed class RowBatch<TRecord>
    where TRecord : class
{
    /// <summary>Room a batch starts with per row, in chars and fields; it grows for longer rows and keeps what it grew to.</summary>
    private const int CharsPerRow = 128;

    private const int FieldsPerRow = 16;

    /// <summary>
    /// Rows a parser prepares for at a time (<see cref="RowParser{TRecord}.Prepare"/>): enough look-ups read ahead
    /// together to overlap their waits, few enough that what they read is still in the caches when the rows are parsed.
    /// </summary>
    private const int PrepareRows = 64;

    private readonly RowText _text;

    // Set while no second thread may touch the batch: cleared by Share, under the hand-over's lock, and set again by
    // that thread as its last touch. A small spin: that thread may be waiting for this core.
    private readonly ManualResetEventSlim _sharedLeft = new(true, spinCount: 10);

    // Chunks of rows are taken by number, so that two threads can parse one batch (ParseShared, Parse).
    private int _nextChunk;

    private bool _sharedFailed;

    public RowBatch(int capacity)
    {
        _text = new RowText(capacity * CharsPerRow, capacity * FieldsPerRow);
        Rows = new RawRow[capacity];
        for (var i = 0; i < capacity; i++)
        {
            Rows[i] = new RawRow(_text);
        }
        Records = new TRecord?[capacity];
        Problems = new RowProblem[capacity];
        Keys = new string?[capacity];
        KeyHashes = new int[capacity];
    }

    /// <summary>The rows, written in order into one <see cref="RowText"/>.</summary>
    public RawRow[] Rows { get; }

    public int Count { get; set; }

    public int Capacity => Rows.Length;

    /// <summary>True once <see cref="Parse"/> ran: then <see cref="Records"/> and <see cref="Problems"/> hold each row's outcome.</summary>
    public bool Parsed { get; private set; }

    /// <summary>Per row, the record; null for a bad row or one with a problem.</summary>
    public TRecord?[] Records { get; }

    public RowProblem[] Problems { get; }

    /// <summary>Per parsed record, its key (null for a feed without one) and the key's <see cref="KeyIndex{TRecord}.HashOf"/>.</summary>
    public string?[] Keys { get; }

    public int[] KeyHashes { get; }

    /// <summary>How many bytes of the file had been read when the batch was filled; 0 when the source does not tell.</summary>
    public long BytesRead { get; set; }

    /// <summary>Kept by <see cref="RowPipeline{TRecord}"/> under its lock.</summary>
    public BatchState State { get; set; }

    /// <summary>True for the last batch of a file.</summary>
    public bool Ended { get; set; }

    /// <summary>What the source threw after the rows of this batch, if it did; such a batch is the last.</summary>
    public ExceptionDispatchInfo? Error { get; set; }

    /// <summary>The line the reused row of a one-row-at-a-time reading would hold when the source threw.</summary>
    public int ErrorLine { get; set; }

    public void Reset()
    {
        Array.Clear(Records, 0, Count);
        Array.Clear(Keys, 0, Count);
        _text.Clear();
        Count = 0;
        BytesRead = 0;
        Parsed = false;
        _nextChunk = 0;
        _sharedFailed = false;
        Ended = false;
        Error = null;
        ErrorLine = 0;
    }

    /// <summary>
    /// Parses the rows no other thread has taken, waits for those another has (<see cref="ParseShared"/>), and
    /// marks the batch parsed. Should the other thread have failed, parses every row again here, to meet the
    /// failure on this thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(RowParser<TRecord> parser, FieldRow view)
    {
        while (TryParseChunk(parser, view))
        {
        }
        _sharedLeft.Wait();
        if (_sharedFailed)
        {
            Array.Clear(Records, 0, Count);
            Array.Clear(Keys, 0, Count);
            for (var from = 0; from < Count; from += PrepareRows)
            {
                ParseRows(from, Math.Min(Count, from + PrepareRows), parser, view);
            }
        }
        Parsed = true;
    }

    /// <summary>
    /// Lets a second thread in, before the batch is handed on: from then on the thread that takes the batch waits
    /// in <see cref="Parse"/> until that one is done with it. Call under the lock the hand-over goes through.
    /// </summary>
    public void Share() => _sharedLeft.Reset();

    /// <summary>
    /// On the thread let in by <see cref="Share"/>: parses chunks of rows until none is left untaken, while the
    /// accepting thread may take chunks too; then never touches the batch again. A failure is noted, not thrown.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ParseShared(RowParser<TRecord> parser, FieldRow view)
    {
        try
        {
            while (TryParseChunk(parser, view))
            {
            }
        }
        catch (Exception)
        {
            // Parse parses every row again on the accepting thread, which then meets the failure itself.
            Volatile.Write(ref _sharedFailed, true);
        }
        finally
        {
            // The last touch of the batch: the accepting thread may recycle it once this is set.
            _sharedLeft.Set();
        }
    }

    /// <summary>Takes the next chunk of <see cref="PrepareRows"/> rows no thread has taken and parses it; false when none is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseChunk(RowParser<TRecord> parser, FieldRow view)
    {
        if (Volatile.Read(ref _sharedFailed))
        {
            return false;
        }
        var chunk = Interlocked.Increment(ref _nextChunk) - 1;
        if (chunk >= (Count + PrepareRows - 1) / PrepareRows)
        {
            return false;
        }
        var from = chunk * PrepareRows;
        ParseRows(from, Math.Min(Count, from + PrepareRows), parser, view);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRows(int from, int to, RowParser<TRecord> parser, FieldRow view)
    {
        parser.Prepare(Rows.AsSpan(from, to - from), view);
        TRecord? last = null;
        for (var i = from; i < to; i++)
        {
            var raw = Rows[i];
            if (raw.BadRowMessage is not null)
            {
                continue;
            }
            view.Raw = raw;
            if (!parser.TryParse(view, out var record, out Problems[i]))
            {
                continue;
            }
            Records[i] = record;
            last = record;
            var key = parser.KeyOf(record);
            if (key is not null)
            {
                Keys[i] = key;
                KeyHashes[i] = KeyIndex<TRecord>.HashOf(key);
            }
        }
        // The next chunks' records go on the pages after this one's last: mapped ahead in one call, not a fault each.
        if (last is not null)
        {
            HeapPrefault.After(last);
        }
    }
}
