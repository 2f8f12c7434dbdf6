namespace Compliance.Engine.Ingest;

/// <summary>A feed file that cannot be read at all; the reader turns it into one whole-file reject.</summary>
internal sealed class FeedFileException : Exception
{
    public FeedFileException(string message)
        : base(message)
    {
    }

    public FeedFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
