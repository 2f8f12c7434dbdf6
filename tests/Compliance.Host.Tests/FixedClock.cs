namespace Compliance.Host.Tests;

/// <summary>A clock stopped at one instant, so "today" in a test never depends on the day it runs.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
