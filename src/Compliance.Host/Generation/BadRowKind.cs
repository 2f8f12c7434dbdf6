namespace Compliance.Host.Generation;

/// <summary>The deliberately bad rows: one per reject reason of feeds.md, plus the identical duplicate that is counted once.</summary>
internal enum BadRowKind
{
    /// <summary>A row with a field too few, written right after a row with a multi-line quoted field.</summary>
    BadRowAfterMultiline,
    BadRow,
    MissingRequired,
    BadDate,
    BadNumber,
    NegativeAmount,
    UnknownValue,
    UnknownCase,
    EndBeforeStart,
    DuplicateKey,
    IdenticalDuplicate,
}
