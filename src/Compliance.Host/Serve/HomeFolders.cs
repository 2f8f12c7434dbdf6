namespace Compliance.Host.Serve;

/// <summary>The host's files, all under one home folder.</summary>
internal sealed record HomeFolders(string Home)
{
    public string LedgerDatabase => Path.Combine(Home, "ledger.db");
    public string SchedulerDatabase => Path.Combine(Home, "scheduler.db");

    /// <summary>Where exports are dropped for the host to pick up.</summary>
    public string Inbox => Path.Combine(Home, "inbox");

    /// <summary>The latest accepted file of each feed: what every run judges.</summary>
    public string Current => Path.Combine(Home, "current");

    /// <summary>Every accepted export, kept as it arrived.</summary>
    public string Archive => Path.Combine(Home, "archive");

    /// <summary>Exports that could not be used, each beside a <c>.reasons.txt</c>.</summary>
    public string Rejected => Path.Combine(Home, "rejected");

    public string Drop => Path.Combine(Home, "drop");

    public static HomeFolders From(LedgerOptions options) => new(Path.GetFullPath(options.Home));

    public void Create()
    {
        foreach (var folder in new[] { Home, Inbox, Current, Archive, Rejected })
        {
            Directory.CreateDirectory(folder);
        }
    }
}
