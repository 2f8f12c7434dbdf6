namespace Compliance.Engine.Ingest;

/// <summary>
/// Where reading found a record's case among the accepted cases (<see cref="FeedData.Cases"/>): a hint that spares
/// judging a second look-up of the id, a chain of cache misses per record, and that judging checks before use.
/// </summary>
/// <remarks>
/// No part of the record's value: every position equals every other, so two records of the same content are equal
/// wherever (or whether) their case was found. The default is no position.
/// </remarks>
internal readonly struct CasePosition : IEquatable<CasePosition>
{
    // One more than the index, so that the default is no position.
    private readonly int _indexPlusOne;

    public CasePosition(int index) => _indexPlusOne = index < 0 ? 0 : index + 1;

    /// <summary>The case's index, or -1.</summary>
    public int Index => _indexPlusOne - 1;

    public static bool operator ==(CasePosition left, CasePosition right) => left.Equals(right);

    public static bool operator !=(CasePosition left, CasePosition right) => !left.Equals(right);

    public bool Equals(CasePosition other) => true;

    public override bool Equals(object? obj) => obj is CasePosition;

    public override int GetHashCode() => 0;
}
