namespace Compliance.Host.Tests;

public class ShanghaiDateTests
{
    [Theory]
    [InlineData("2025-11-02T15:59:59Z", "2025-11-02")]
    [InlineData("2025-11-02T16:00:00Z", "2025-11-03")]
    [InlineData("2025-12-31T16:30:00Z", "2026-01-01")]
    [InlineData("2025-11-03T10:00:00+08:00", "2025-11-03")]
    public void Today_InstantNearMidnight_IsTheDateInShanghai(string instant, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        ShanghaiDate.Today(clock).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
