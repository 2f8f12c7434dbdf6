namespace Compliance.Engine.Ingest;

/// <summary>Where a filled <see cref="RowBatch{TRecord}"/> stands while it waits to be accepted.</summary>
internal enum BatchState
{
    Unparsed,

    /// <summary>The reading thread is parsing it; the accepting thread waits for it rather than parse it too.</summary>
    Parsing,

    Parsed,
}
