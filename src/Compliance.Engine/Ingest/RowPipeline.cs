using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Reads a source's rows on a second thread while the calling thread accepts them: decoding, splitting (and
/// hashing the bytes) overlap with building records and checking keys. Batches come back in reading order.
/// Parsing, the larger part of the work, is shared: the accepting thread parses the batches it reaches unparsed,
/// and the reading thread, whenever no batch is free to read into, parses the newest queued batch, a chunk of rows
/// at a time; should the accepting thread reach that batch meanwhile, it parses the chunks left rather than wait.
/// What is accepted does not depend on which thread parsed a row: parsing depends on the row alone.
/// </summary>
internal sealed class RowPipeline<TRecord> : IDisposable
    where TRecord : class
{
    private const int BatchRows = 1024;
    private const int Batches = 8;

    private readonly FeedSource _source;
    private readonly RowParser<TRecord> _parser;
    private readonly FieldRow _view;
    private readonly Func<long>? _bytesRead;
    private readonly Thread _thread;

    // Guarded by _gate: the free batches, the filled ones in reading order (_filled[0] is the next), their states.
    private readonly object _gate = new();
    private readonly Stack<RowBatch<TRecord>> _free = new();
    private readonly List<RowBatch<TRecord>> _filled = [];
    private bool _stopping;

    // Batches are made as reading gets ahead, so that a small file costs one or two.
    private int _made;

    /// <param name="source">Read only by the pipeline's thread from now on, until <see cref="Dispose"/>.</param>
    /// <param name="readAheadParser">Used only by the pipeline's thread.</param>
    /// <param name="view">The header mapping, for the pipeline's thread; it gets its own copy.</param>
    /// <param name="bytesRead">How far the source has read its file, asked on the pipeline's thread after each batch.</param>
    public RowPipeline(FeedSource source, RowParser<TRecord> readAheadParser, FieldRow view, Func<long>? bytesRead = null)
    {
        _source = source;
        _parser = readAheadParser;
        _view = view.Copy();
        _bytesRead = bytesRead;
        _thread = new Thread(ReadAhead) { IsBackground = true, Name = "ingest read-ahead" };
        _thread.Start();
    }

    /// <summary>
    /// The next batch in reading order; the last one says <see cref="RowBatch{TRecord}.Ended"/>. One that is not
    /// <see cref="RowBatch{TRecord}.Parsed"/> is the caller's to parse. Give each back with <see cref="Recycle"/>.
    /// </summary>
    public RowBatch<TRecord> Next()
    {
        lock (_gate)
        {
            while (_filled.Count == 0)
            {
                Monitor.Wait(_gate);
            }
            var batch = _filled[0];
            _filled.RemoveAt(0);
            return batch;
        }
    }

    public void Recycle(RowBatch<TRecord> batch)
    {
        batch.Reset();
        lock (_gate)
        {
            _free.Push(batch);
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
    }

    private void ReadAhead()
    {
        var lastLine = 0;
        while (true)
        {
            RowBatch<TRecord>? batch;
            RowBatch<TRecord>? toParse;
            lock (_gate)
            {
                while (!TakeWork(out batch, out toParse))
                {
                    if (_stopping)
                    {
                        return;
                    }
                    Monitor.Wait(_gate);
                }
                if (_stopping)
                {
                    return;
                }
            }
            if (toParse is not null)
            {
                toParse.ParseShared(_parser, _view);
                continue;
            }
            var ended = Fill(batch!, ref lastLine);
            batch!.BytesRead = _bytesRead?.Invoke() ?? 0;
            lock (_gate)
            {
                batch!.State = BatchState.Unparsed;
                _filled.Add(batch);
                Monitor.PulseAll(_gate);
            }
            if (ended)
            {
                return;
            }
        }
    }

    /// <summary>Under the gate: a batch to parse when none is free, else a free batch to fill.</summary>
    private bool TakeWork(out RowBatch<TRecord>? toFill, out RowBatch<TRecord>? toParse)
    {
        toFill = null;
        toParse = null;
        var newest = -1;
        for (var i = 0; i < _filled.Count; i++)
        {
            if (_filled[i].State == BatchState.Unparsed)
            {
                newest = i;
            }
        }
        if (_free.Count == 0 && _made < Batches)
        {
            _free.Push(new RowBatch<TRecord>(BatchRows));
            _made++;
        }
        // Only when no batch is free: then the accepting thread is behind, and reading on would have to wait. Parsing
        // sooner, when two batches waited, left the accepting thread waiting for rows while this one parsed where
        // reading costs more than parsing: about a quarter of a second of the 1M set's cases.csv (GB18030).
        if (newest > 0 && _free.Count == 0)
        {
            // Never the first in line: the accepting thread is about to take that one.
            toParse = _filled[newest];
            toParse.State = BatchState.Parsing;
            toParse.Share();
            return true;
        }
        if (_free.Count > 0)
        {
            toFill = _free.Pop();
            return true;
        }
        return false;
    }

    /// <summary>Reads rows into the batch; true when the source has no more (or failed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill(RowBatch<TRecord> batch, ref int lastLine)
    {
        try
        {
            while (batch.Count < batch.Capacity)
            {
                var raw = batch.Rows[batch.Count];
                // A source that throws before starting a row leaves the line of the row before it.
                raw.Start(lastLine);
                if (!_source.MoveNext(raw))
                {
                    batch.Ended = true;
                    return true;
                }
                lastLine = raw.Line;
                if (raw.BadRowMessage is null && raw.IsBlank())
                {
                    continue;
                }
                batch.Count++;
            }
            return false;
        }
        catch (Exception e)
        {
            batch.Error = ExceptionDispatchInfo.Capture(e);
            batch.ErrorLine = batch.Rows[batch.Count].Line;
            batch.Ended = true;
            return true;
        }
    }
}
