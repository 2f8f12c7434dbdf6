using Compliance.Engine.Catalog;

namespace Compliance.Engine.Ingest;

/// <summary>Reads a data folder's feeds (feeds.md) into records and rejects.</summary>
public static class FeedReader
{
    /// <summary>Reads cases, procedures, charges and stages (.csv, .json, .xlsx) from <paramref name="dataDirectory"/>.</summary>
    public static FeedData ReadFolder(string dataDirectory, StageCatalog stages) =>
        throw new NotImplementedException("FeedReader is being written (ingest).");
}
