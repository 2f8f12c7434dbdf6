using System.Data.Common;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Storage;

/// <summary>
/// Writes a run's findings with one prepared INSERT re-executed per row inside the caller's transaction. Change
/// tracking costs about a hundred microseconds a row; this costs a few, which is what makes storing a run of a
/// million findings a matter of seconds.
/// </summary>
public static class FindingBulkWriter
{
    private const string Insert =
        "INSERT INTO Findings (RunId, Rule, Severity, Subject, Unit, AsOf, OccurredOn, Message, Basis, EvidenceJson, RuleSet, Fingerprint, AlertKey, Gone) " +
        "VALUES ($run, $rule, $severity, $subject, $unit, $asOf, $occurredOn, $message, $basis, $evidence, $ruleSet, $fingerprint, $key, $gone)";

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
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        var names = new[] { "$run", "$rule", "$severity", "$subject", "$unit", "$asOf", "$occurredOn", "$message", "$basis", "$evidence", "$ruleSet", "$fingerprint", "$key", "$gone" };
        var p = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        p[0].Value = runId;
        p[13].Value = gone;
        var count = 0;
        foreach (var f in findings)
        {
            p[1].Value = f.Rule;
            p[2].Value = (int)f.Severity;
            p[3].Value = f.Subject;
            p[4].Value = f.Unit;
            p[5].Value = StoredValues.Date(f.AsOf);
            p[6].Value = StoredValues.Date(f.OccurredOn);
            p[7].Value = f.Message;
            p[8].Value = f.Basis;
            p[9].Value = EvidenceJson.Text(f.Evidence);
            p[10].Value = f.RuleSet;
            p[11].Value = f.Fingerprint;
            p[12].Value = keyOf(f);
            command.ExecuteNonQuery();
            count++;
        }
        return count;
    }
}
