namespace Compliance.Engine.Ingest;

/// <summary>One column of a feed as feeds.md defines it: its Chinese and English header and whether a row needs it.</summary>
internal sealed record FeedColumn(string Chinese, string English, bool Required);
