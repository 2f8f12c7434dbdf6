namespace Compliance.Host.Serve;

/// <summary>
/// How the host's last run went: incremental, or full and why (<see cref="WhyFull"/>), and where its time went in
/// milliseconds: comparing the inputs with the kept run's (hashing the files), reading the feeds (0 when
/// incremental), judging, and recording in the ledger (summary, findings, alerts).
/// </summary>
internal sealed record RunNote(string? WhyFull, long CompareMs, long ReadMs, long JudgeMs, long RecordMs)
{
    public bool Incremental => WhyFull is null;
}
