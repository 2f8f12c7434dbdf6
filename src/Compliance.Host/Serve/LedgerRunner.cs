using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Serve;

/// <summary>
/// One judgement of the current feeds as of today (Beijing time), recorded in the ledger: the same reading and
/// checking as <c>compliance check</c>, with the findings going to the ledger instead of files. Runs are serialized,
/// since the inbox changes the folder a run reads.
/// </summary>
internal sealed class LedgerRunner(HomeFolders home, RuleSetProvider rules, LedgerAccess access, TimeProvider clock, ILogger<LedgerRunner> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> Exclusive<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Judges the current folder; null when it holds no feed yet. Call inside <see cref="Exclusive{T}"/>.</summary>
    public RunOutcome? JudgeNow(string trigger)
    {
        if (!Directory.Exists(home.Current) || Directory.GetFiles(home.Current).Length == 0)
        {
            log.LogInformation("No feed in {Folder} yet; nothing to judge", home.Current);
            return null;
        }
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var asOf = ShanghaiDay.Of(startedAt);
        var loaded = rules.Current();
        var data = FeedReader.ReadFolder(home.Current, loaded.RuleSet.Stages);
        var result = loaded.Checker.Check(data, asOf);
        var durationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        using var summary = new MemoryStream();
        SummaryWriter.Write(summary, asOf, loaded.RuleSet, data, result, durationMs);
        var record = RunRecord.Of(trigger, startedAt, asOf, loaded.RuleSet, data, result, Encoding.UTF8.GetString(summary.ToArray()), durationMs);
        var outcome = access.Ledger().RecordRun(record, clock.GetUtcNow());
        log.LogInformation(
            "Run #{Run} ({Trigger}) as of {AsOf}: {Findings} findings; alerts opened {Opened}, changed {Changed}, reopened {Reopened}, closed {Closed}",
            outcome.RunId, trigger, asOf, outcome.Findings, outcome.Opened, outcome.Changed, outcome.Reopened, outcome.Closed);
        return outcome;
    }

    public Task<RunOutcome?> Judge(string trigger, CancellationToken cancellationToken) => Exclusive(() => JudgeNow(trigger), cancellationToken);
}
