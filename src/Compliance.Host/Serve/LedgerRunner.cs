using System.Diagnostics;
using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Serve;

/// <summary>
/// One judgement of the current feeds as of today (Beijing time), recorded in the ledger: the same reading and
/// checking as <c>compliance check</c>, with the findings going to the ledger instead of files. Runs are serialized,
/// since the inbox changes the folder a run reads.
/// <para>
/// The previous run's feeds and result stay in memory (unless <see cref="LedgerOptions.Incremental"/> is off).
/// When the next run finds the same input files (SHA-256) and the same rule set, it does not read them again: it
/// judges incrementally from that run (<see cref="Checker.CheckSince"/>, the same result as a full check) and the
/// ledger stores only the findings that changed. The first run after a start, and any run whose inputs or rule
/// set changed, is a full one; the log says which and why.
/// </para>
/// </summary>
internal sealed class LedgerRunner(
    HomeFolders home, RuleSetProvider rules, LedgerAccess access, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<LedgerRunner> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LastJudgement? _last;

    /// <summary>How the last run went; null before the first.</summary>
    public RunNote? Last { get; private set; }

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
        try
        {
            return Judge(trigger, loaded, started, startedAt, asOf);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(trigger, loaded, started, startedAt, asOf, e);
            throw;
        }
    }

    // The run is recorded as failed and the office told (once per rule set and input files), so that judging does not
    // stop unnoticed; the exception still goes to the caller, whose log line is the operator's.
    private void Failed(string trigger, RuleSetProvider.Loaded loaded, long started, DateTimeOffset startedAt, DateOnly asOf, Exception error)
    {
        try
        {
            var inputs = CurrentInputs.Files(home.Current);
            var failure = new RunFailure
            {
                Trigger = trigger,
                StartedAt = startedAt,
                AsOf = asOf,
                RuleSetVersion = loaded.RuleSet.Version,
                RuleSetHash = loaded.RuleSet.Hash,
                Inputs = inputs,
                Error = error is RuleEvaluationException ? error.Message : $"{error.GetType().Name}：{error.Message}",
                DurationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds,
            };
            var outcome = access.Ledger().RecordFailure(failure, clock.GetUtcNow());
            log.LogWarning("Run #{Run} ({Trigger}) as of {AsOf} failed and is recorded as failed; {Told}",
                outcome.RunId, trigger, asOf,
                outcome.Repeated ? "the office was told of this failure (same rule set and input files) before"
                : outcome.Office is null ? "the office has no address on any channel switched on"
                : $"the office {outcome.Office} is told by {string.Join(", ", outcome.OfficeKeys)}");
        }
        catch (Exception e)
        {
            log.LogError(e, "Run ({Trigger}) as of {AsOf} failed and could not be recorded as failed", trigger, asOf);
        }
    }

    private RunOutcome Judge(string trigger, RuleSetProvider.Loaded loaded, long started, DateTimeOffset startedAt, DateOnly asOf)
    {
        var phase = Stopwatch.StartNew();

        var last = _last;
        var why = !options.Value.Incremental ? "incremental runs are off (Ledger:Incremental)"
            : last is null ? "no previous run in memory (first run since the host started)"
            : last.WhyNotBase(loaded.RuleSet.Label, asOf, LatestRun(), () => CurrentInputs.Hash(home.Current));
        var compareMs = phase.ElapsedMilliseconds;
        FeedData data;
        CheckResult result;
        RunBase? baseRun = null;
        long readMs;
        if (why is null)
        {
            log.LogInformation("Run ({Trigger}) as of {AsOf}: incremental from run #{Base} as of {BaseAsOf} (same input files and rule set {Label})",
                trigger, asOf, last!.RunId, last.AsOf, last.RuleSetLabel);
            data = last.Data;
            readMs = 0;
            phase.Restart();
            result = loaded.Checker.CheckSince(data, asOf, new Baseline(last.AsOf, last.Result.Findings, last.Result.CalendarMissing));
            baseRun = new RunBase(last.RunId, last.Result.Findings);
        }
        else
        {
            log.LogInformation("Run ({Trigger}) as of {AsOf}: full, since {Why}", trigger, asOf, why);
            // The kept feeds go before the new ones are read, so the host never holds both.
            _last = null;
            phase.Restart();
            data = FeedReader.ReadFolder(home.Current, loaded.RuleSet.Stages);
            readMs = phase.ElapsedMilliseconds;
            phase.Restart();
            result = loaded.Checker.Check(data, asOf);
        }
        var judgeMs = phase.ElapsedMilliseconds;
        var durationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        phase.Restart();
        using var summary = new MemoryStream();
        SummaryWriter.Write(summary, asOf, loaded.RuleSet, data, result, durationMs);
        var record = RunRecord.Of(trigger, startedAt, asOf, loaded.RuleSet, data, result, Encoding.UTF8.GetString(summary.ToArray()), durationMs, baseRun);
        var outcome = access.Ledger().RecordRun(record, clock.GetUtcNow());
        var recordMs = phase.ElapsedMilliseconds;
        _last = options.Value.Incremental ? new LastJudgement(outcome.RunId, loaded.RuleSet.Label, asOf, data, result) : null;
        Last = new RunNote(why, outcome.BaseRunId is not null, compareMs, readMs, judgeMs, recordMs);
        log.LogInformation(
            "Run #{Run} ({Trigger}) as of {AsOf}: {Findings} findings, {Stored} stored ({Storage}); alerts opened {Opened}, changed {Changed}, reopened {Reopened}, closed {Closed}; " +
            "inputs compared {CompareMs} ms, read {ReadMs} ms, judged {JudgeMs} ms, recorded {RecordMs} ms",
            outcome.RunId, trigger, asOf, outcome.Findings, outcome.Stored,
            outcome.BaseRunId is { } b ? $"changes against run #{b}" : "in full",
            outcome.Opened, outcome.Changed, outcome.Reopened, outcome.Closed, compareMs, readMs, judgeMs, recordMs);
        return outcome;
    }

    private long? LatestRun()
    {
        using var db = access.Store.CreateDb();
        return db.LatestCompletedRunId();
    }

    public Task<RunOutcome?> Judge(string trigger, CancellationToken cancellationToken) => Exclusive(() => JudgeNow(trigger), cancellationToken);
}
