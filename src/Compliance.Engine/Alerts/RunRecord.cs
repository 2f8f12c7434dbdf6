using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Alerts;

/// <summary>One run to record: its bookkeeping, its findings, and what it covered (so absence can close alerts).</summary>
public sealed record RunRecord
{
    public required string Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateOnly AsOf { get; init; }
    public required string RuleSetVersion { get; init; }
    public required string RuleSetHash { get; init; }
    public required IReadOnlyList<InputFile> Inputs { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Feeds read from at least one file that was not rejected whole.</summary>
    public required IReadOnlySet<string> CoveredFeeds { get; init; }

    /// <summary>Subjects the run could not judge (calendar gaps): their alerts are neither confirmed nor closed.</summary>
    public required IReadOnlySet<string> Unjudged { get; init; }

    public required int RejectCount { get; init; }
    public required string SummaryJson { get; init; }
    public required long DurationMs { get; init; }

    /// <summary>
    /// The run this one was judged from, for an incremental run: the ledger then stores only the findings that
    /// differ from that run's and looks only at the alerts they touch. Null: stored in full.
    /// </summary>
    public RunBase? Base { get; init; }

    public static RunRecord Of(
        string trigger, DateTimeOffset startedAt, DateOnly asOf, RuleSet ruleSet, FeedData data, CheckResult result,
        string summaryJson, long durationMs, RunBase? baseRun = null)
    {
        var wholeRejected = data.Rejects.Where(r => r.WholeFile).Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var covered = data.Files.Where(f => !wholeRejected.Contains(f.Name)).Select(f => f.Feed).ToHashSet(StringComparer.Ordinal);
        return new RunRecord
        {
            Trigger = trigger,
            StartedAt = startedAt,
            AsOf = asOf,
            RuleSetVersion = ruleSet.Version,
            RuleSetHash = ruleSet.Hash,
            Inputs = data.Files,
            Findings = result.Findings,
            CoveredFeeds = covered,
            Unjudged = result.CalendarMissing.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal),
            RejectCount = data.Rejects.Count,
            SummaryJson = summaryJson,
            DurationMs = durationMs,
            Base = baseRun,
        };
    }

    /// <summary>Whether this run judged <paramref name="subject"/>'s feed, so that not finding it means the breach is gone.</summary>
    public bool Covers(string subject)
    {
        if (Unjudged.Contains(subject))
        {
            return false;
        }
        var prefix = subject.Split(':', 2)[0];
        return prefix switch
        {
            "case" => CoveredFeeds.Contains("cases"),
            "charge" => CoveredFeeds.Contains("charges"),
            "stage" => CoveredFeeds.Contains("stages"),
            "unit" => CoveredFeeds.Count > 0,
            _ => false,
        };
    }
}
