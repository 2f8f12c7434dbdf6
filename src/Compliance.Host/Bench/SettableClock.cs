namespace Compliance.Host.Bench;

/// <summary>The wall clock set to a chosen instant, so a measured run judges as of a chosen day; elapsed time stays real.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
