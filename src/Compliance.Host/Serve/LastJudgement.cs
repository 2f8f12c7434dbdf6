using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Engine.Storage;

namespace Compliance.Host.Serve;

/// <summary>
/// The host's previous run, kept in memory so the next one can start from it: the feeds as read, the result as
/// judged, and what they were judged with. Lost on restart, when the next run is a full one again.
/// </summary>
internal sealed record LastJudgement(long RunId, string RuleSetLabel, DateOnly AsOf, FeedData Data, CheckResult Result)
{
    public IReadOnlyList<string> Inputs { get; } = RunInputs.Lines(Data.Files);

    /// <summary>
    /// Why a run as of <paramref name="asOf"/> with this rule set, on a ledger whose latest run is
    /// <paramref name="latestRun"/>, cannot start from this judgement; null when it can.
    /// </summary>
    public string? WhyNotBase(string ruleSetLabel, DateOnly asOf, long? latestRun, Func<IReadOnlyList<string>> currentInputs)
    {
        if (latestRun != RunId)
        {
            return $"the ledger recorded run #{latestRun} after run #{RunId} (another process?)";
        }
        if (ruleSetLabel != RuleSetLabel)
        {
            return $"the rule set changed ({RuleSetLabel} → {ruleSetLabel})";
        }
        if (asOf < AsOf)
        {
            return $"the as-of date went back ({AsOf:yyyy-MM-dd} → {asOf:yyyy-MM-dd})";
        }
        var now = currentInputs();
        if (!now.SequenceEqual(Inputs))
        {
            var changed = now.Except(Inputs).Concat(Inputs.Except(now)).Select(i => i.Split('|')[0]).Distinct().Order(StringComparer.Ordinal);
            return $"the input files changed ({string.Join(", ", changed)})";
        }
        return null;
    }
}
