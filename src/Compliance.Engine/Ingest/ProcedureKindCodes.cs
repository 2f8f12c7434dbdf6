namespace Compliance.Engine.Ingest;

/// <summary>
/// The codes a feed may write for the two procedure kinds (GB/T 39046: 1 or 延长审批 or extension, 2 or 暂停计时 or
/// suspension), known in one place: the parser reads the kind from them and a record shows them by name.
/// </summary>
internal static class ProcedureKindCodes
{
    public const string ExtensionName = "延长审批";
    public const string SuspensionName = "暂停计时";

    /// <summary>The kind <paramref name="label"/> codes, or null for any other label (a named clock stop, or unknown).</summary>
    public static ProcedureKind? Of(ReadOnlySpan<char> label) =>
        label is "1" or ExtensionName || label.Equals("extension", StringComparison.OrdinalIgnoreCase) ? ProcedureKind.Extension
        : label is "2" or SuspensionName || label.Equals("suspension", StringComparison.OrdinalIgnoreCase) ? ProcedureKind.Suspension
        : null;
}
