namespace Compliance.Host.Generation;

/// <summary>A feed file the generator wrote: encoding as named in the summary, header language and physical lines.</summary>
public sealed record GeneratedFile(string Feed, string Path, string Encoding, bool ChineseHeaders, int Lines);
