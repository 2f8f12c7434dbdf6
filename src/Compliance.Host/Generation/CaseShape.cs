namespace Compliance.Host.Generation;

/// <summary>The compliant ways a case is written: each judged without a finding (void and returned ones are not judged).</summary>
internal enum CaseShape
{
    Decided,
    Open,
    Void,
    Returned,

    /// <summary>Decided within the limit only because a suspension stopped the clock.</summary>
    SuspensionRescued,

    /// <summary>A suspension the case did not need.</summary>
    Suspended,

    /// <summary>Open, and under a suspension still running at the as-of date.</summary>
    OpenSuspended,

    /// <summary>Decided within the limit only because of an approved extension.</summary>
    ExtensionRescued,
}
