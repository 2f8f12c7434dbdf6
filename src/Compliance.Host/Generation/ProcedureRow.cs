namespace Compliance.Host.Generation;

/// <summary>A special procedure as planned: the kind as the feed names it, its days, and the extension days column.</summary>
internal sealed record ProcedureRow(string Kind, DateOnly Start, DateOnly? End, string ExtensionDays);
