namespace Compliance.Host.Generation;

/// <summary>The date forms of feeds.md the generator writes.</summary>
internal enum DateStyle
{
    Iso,
    IsoMinutes,
    IsoSeconds,
    Slash,
    SlashMinutes,
    Compact,
    CompactTime,
    Chinese,
}
