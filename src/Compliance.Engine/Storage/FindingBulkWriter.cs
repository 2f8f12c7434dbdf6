using System.Data.Common;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Storage;

/// <summary>
/// Writes a run's findings with one <see cref="PreparedInsert"/> inside the caller's transaction: a few
/// microseconds a row rather than change tracking's hundred, which is what makes storing a run of a million
/// findings a matter of seconds.
/// </summary>
public static class FindingBulkWriter
{
    /// <summary>
    /// Inserts <paramref name="findings"/> for run <paramref name="runId"/>; <paramref name="keyOf"/> gives each its
    /// alert key. With <paramref name="gone"/> the rows record findings the run no longer has (see <see cref="FindingRow.Gone"/>).
    /// </summary>
    public static int Write(DbConnection connection, DbTransaction transaction, long runId, IEnumerable<Finding> findings, Func<Finding, string> keyOf, bool gone = false)
    {
        using (var pragma = connection.CreateCommand())
        {
            // The default page cache (2 MB) spills index pages to the WAL over and over on a large run.
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -131072";
            pragma.ExecuteNonQuery();
        }
        using var insert = new PreparedInsert(connection, transaction, "Findings",
            "RunId", "Rule", "Severity", "Subject", "Unit", "AsOf", "OccurredOn", "Message", "Basis", "EvidenceJson", "RuleSet",
            "Fingerprint", "AlertKey", "Gone");
        var count = 0;
        foreach (var f in findings)
        {
            insert.Run(runId, f.Rule, (int)f.Severity, f.Subject, f.Unit, StoredValues.Date(f.AsOf), StoredValues.Date(f.OccurredOn),
                f.Message, f.Basis, EvidenceJson.Text(f.Evidence), f.RuleSet, f.Fingerprint, keyOf(f), gone);
            count++;
        }
        return count;
    }
}
