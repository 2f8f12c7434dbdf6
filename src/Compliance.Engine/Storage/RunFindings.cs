using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Storage;

/// <summary>
/// The findings of a run as a full run would have stored them. An incremental run's rows are only its changes
/// against its base run, so a run's findings are resolved along its chain of base runs back to one stored in
/// full: for each alert key, the rows of the latest run in the chain that wrote that key, unless they record it
/// gone. Rows come back with the run's own as-of date (a row stored by an earlier run carries that run's).
/// </summary>
public static class RunFindings
{
    /// <summary>The findings of run <paramref name="runId"/>, sorted by subject, then rule (ordinal), as findings.jsonl is.</summary>
    public static IReadOnlyList<FindingRow> Of(LedgerDb db, long runId)
    {
        var chain = Chain(db, runId);
        var asOf = db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.AsOf).Single();
        var rows = db.Findings.AsNoTracking()
            .Where(f => chain.Contains(f.RunId))
            .OrderByDescending(f => f.RunId)
            .ThenBy(f => f.Id)
            .AsEnumerable();
        var writer = new Dictionary<string, long>(StringComparer.Ordinal);
        var findings = new List<FindingRow>();
        foreach (var f in rows)
        {
            if (!writer.TryGetValue(f.AlertKey, out var latest))
            {
                writer[f.AlertKey] = latest = f.RunId;
            }
            if (latest == f.RunId && !f.Gone)
            {
                f.AsOf = asOf;
                findings.Add(f);
            }
        }
        findings.Sort(static (a, b) =>
        {
            var bySubject = string.CompareOrdinal(a.Subject, b.Subject);
            return bySubject != 0 ? bySubject : string.CompareOrdinal(a.Rule, b.Rule);
        });
        return findings;
    }

    /// <summary>The runs whose rows make up run <paramref name="runId"/>'s findings: it, its base, that one's base … back to a run stored in full.</summary>
    public static IReadOnlyList<long> Chain(LedgerDb db, long runId)
    {
        var chain = new List<long>();
        long? next = runId;
        while (next is { } id)
        {
            var run = db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.BaseRunId }).SingleOrDefault()
                ?? throw new InvalidOperationException(chain.Count == 0
                    ? $"Run #{id} is not in the ledger."
                    : $"Run #{chain[^1]} is stored as changes against run #{id}, which is not in the ledger: its findings cannot be resolved.");
            chain.Add(id);
            next = run.BaseRunId;
        }
        return chain;
    }
}
