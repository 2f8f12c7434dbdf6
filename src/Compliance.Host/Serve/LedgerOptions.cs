namespace Compliance.Host.Serve;

/// <summary>The <c>Ledger</c> section: where the host keeps its files and which rule set it judges with.</summary>
internal sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The host's folder: ledger.db, scheduler.db, inbox/, current/, archive/, rejected/, drop/.</summary>
    public string Home { get; set; } = "ledger-home";

    public string Rules { get; set; } = "rules";

    /// <summary>The supervision office's unit code; empty: the root of each unit's parent chain.</summary>
    public string Office { get; set; } = "";

    /// <summary>An explicit SQLite connection string for the ledger; empty: <c>Home/ledger.db</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Keep the last run's feeds and findings in memory, so that a run on the same files with the same rule set
    /// re-judges only what time changes and stores only the findings that changed. Costs the memory of the read
    /// feeds between runs (about 500 MiB for a million cases).
    /// </summary>
    public bool Incremental { get; set; } = true;
}
