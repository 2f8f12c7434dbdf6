using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Reads a source's rows on a second thread while the calling thread accepts them: decoding, splitting (and
/// hashing the bytes) overlap with building records and checking keys. Batches come back in reading order. The
/// reading thread also parses a batch when the accepting thread is behind, so that parsing, the larger half of
/// the work, is shared out; the accepting thread parses the batches that reach it unparsed. What is accepted
/// does not depend on which thread parsed a row: parsing depends on the row alone.
/// </summary>
internal sealed class RowPipeline<TRecord> : IDisposable
    where TRecord : class
{
    private const int BatchRows = 1024;
    private const int Batches = 6;

    private readonly FeedSource _source;
    private readonly RowParser<TRecord> _parser;
    private readonly FieldRow _view;
    private readonly BlockingCollection<RowBatch<TRecord>> _free = new(new ConcurrentQueue<RowBatch<TRecord>>());
    private readonly BlockingCollection<RowBatch<TRecord>> _filled = new(new ConcurrentQueue<RowBatch<TRecord>>());
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <param name="source">Read only by the pipeline's thread from now on, until <see cref="Dispose"/>.</param>
    /// <param name="readAheadParser">Used only by the pipeline's thread.</param>
    /// <param name="view">The header mapping, for the pipeline's thread; it gets its own copy.</param>
    public RowPipeline(FeedSource source, RowParser<TRecord> readAheadParser, FieldRow view)
    {
        _source = source;
        _parser = readAheadParser;
        _view = view.Copy();
        for (var i = 0; i < Batches; i++)
        {
            _free.Add(new RowBatch<TRecord>(BatchRows));
        }
        _thread = new Thread(ReadAhead) { IsBackground = true, Name = "ingest read-ahead" };
        _thread.Start();
    }

    /// <summary>The next batch in reading order; the last one says <see cref="RowBatch{TRecord}.Ended"/>. Give each back with <see cref="Recycle"/>.</summary>
    public RowBatch<TRecord> Next() => _filled.Take();

    public void Recycle(RowBatch<TRecord> batch)
    {
        batch.Reset();
        _free.Add(batch);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _free.Dispose();
        _filled.Dispose();
    }

    private void ReadAhead()
    {
        try
        {
            var lastLine = 0;
            var ended = false;
            while (!ended)
            {
                var batch = _free.Take(_stop.Token);
                try
                {
                    while (batch.Count < batch.Capacity)
                    {
                        var raw = batch.Rows[batch.Count];
                        // A source that throws before starting a row leaves the line of the row before it.
                        raw.Start(lastLine);
                        if (!_source.MoveNext(raw))
                        {
                            ended = true;
                            break;
                        }
                        lastLine = raw.Line;
                        if (raw.BadRowMessage is null && raw.IsBlank())
                        {
                            continue;
                        }
                        batch.Count++;
                    }
                }
                catch (Exception e)
                {
                    batch.Error = ExceptionDispatchInfo.Capture(e);
                    batch.ErrorLine = batch.Rows[batch.Count].Line;
                    ended = true;
                }
                batch.Ended = ended;
                if (!ended && _filled.Count > 0)
                {
                    ParseHere(batch);
                }
                _filled.Add(batch, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The accepting thread gave up on the file; nothing more to hand over.
        }
    }

    /// <summary>Parses a batch on this thread; should parsing fail, the accepting thread parses it and meets the failure itself.</summary>
    private void ParseHere(RowBatch<TRecord> batch)
    {
        try
        {
            batch.Parse(_parser, _view);
        }
        catch (Exception)
        {
            batch.ForgetParse();
        }
    }
}
