namespace Compliance.Engine.Ingest;

/// <summary>The reason codes of feeds.md, as written to rejects.csv.</summary>
public static class RejectReason
{
    public const string MissingRequired = "missing-required";
    public const string BadDate = "bad-date";
    public const string BadNumber = "bad-number";
    public const string NegativeAmount = "negative-amount";
    public const string UnknownValue = "unknown-value";
    public const string EndBeforeStart = "end-before-start";
    public const string DuplicateKey = "duplicate-key";
    public const string BadRow = "bad-row";

    /// <summary>A whole file refused: missing required columns.</summary>
    public const string MissingColumn = "missing-column";

    /// <summary>A whole file refused: it cannot be decoded or read at all.</summary>
    public const string BadFile = "bad-file";
}
