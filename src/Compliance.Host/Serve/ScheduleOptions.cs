namespace Compliance.Host.Serve;

/// <summary>The <c>Schedule</c> section: Quartz cron expressions (seconds first), read in Beijing time.</summary>
internal sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    public string Inbox { get; set; } = "0/30 * * * * ?";
    public string Daily { get; set; } = "0 0 6 * * ?";
    public string Delivery { get; set; } = "0/15 * * * * ?";
    public string Escalation { get; set; } = "0 30 8 * * ?";
    public string Digest { get; set; } = "0 0 17 * * ?";

    /// <summary>The time zone the expressions are read in (IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<(string Job, string Cron)> All()
    {
        yield return (nameof(Inbox), Inbox);
        yield return (nameof(Daily), Daily);
        yield return (nameof(Delivery), Delivery);
        yield return (nameof(Escalation), Escalation);
        yield return (nameof(Digest), Digest);
    }
}
