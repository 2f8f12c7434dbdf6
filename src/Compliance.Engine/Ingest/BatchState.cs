namespace Compliance.Engine.Ingest;

/// <summary>Where a filled <see cref="RowBatch{TRecord}"/> stands while it waits to be accepted.</summary>
internal enum BatchState
{
    Unparsed,

    /// <summary>The reading thread parses it, a chunk at a time; the accepting thread that reaches it takes the chunks left.</summary>
    Parsing,
}
