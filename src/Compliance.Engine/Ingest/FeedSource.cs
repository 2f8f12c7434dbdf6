namespace Compliance.Engine.Ingest;

/// <summary>
/// Rows of one feed file in one format. The headers are read on opening; <see cref="MoveNext"/> fills a
/// <see cref="RawRow"/> with the next row and its starting line. Sources throw <see cref="FeedFileException"/>
/// when the file cannot be read at all.
/// </summary>
internal abstract class FeedSource : IDisposable
{
    /// <summary>The headers exactly as the file writes them (quotes removed).</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>
    /// False for a file that has no header row to lack a column in: a JSON array without objects takes its
    /// columns from the objects, so an export of no rows, <c>[]</c>, is empty, like a CSV of only its header.
    /// </summary>
    public virtual bool HasColumns => true;

    public abstract bool MoveNext(RawRow row);

    /// <summary>Releases the readers over the file; the file's stream belongs to the caller.</summary>
    public abstract void Dispose();
}
