namespace Compliance.Host.Serve;

/// <summary>
/// How the host's last run went: judged incrementally, or in full and why (<see cref="WhyFull"/>); whether the
/// ledger stored it as changes (it does not when another run was recorded meanwhile); and where its time went in
/// milliseconds: comparing the inputs with the kept run's (hashing the files), reading the feeds (0 when
/// incremental), judging, and recording in the ledger (summary, findings, alerts).
/// </summary>
internal sealed record RunNote(string? WhyFull, bool StoredAsChanges, long CompareMs, long ReadMs, long JudgeMs, long RecordMs)
{
    public bool Incremental => WhyFull is null;
}
