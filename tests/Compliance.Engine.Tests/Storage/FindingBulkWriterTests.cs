using System.Diagnostics;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Storage;

public sealed class FindingBulkWriterTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void Write_Findings_ReadBackThroughTheModel()
    {
        var finding = Alerts.Some.Finding(rule: "case.overdue-statutory", subject: "case:XK-1", severity: Severity.Red, open: true);

        Write(7, [finding]);

        using var db = _ledger.Store.CreateDb();
        var row = db.Findings.Single();
        row.RunId.Should().Be(7);
        row.Rule.Should().Be("case.overdue-statutory");
        row.Severity.Should().Be(Severity.Red);
        row.AsOf.Should().Be(new DateOnly(2025, 11, 3));
        row.OccurredOn.Should().Be(new DateOnly(2025, 10, 31));
        row.EvidenceJson.Should().Be("{\"used\":3,\"open\":true}");
        row.Fingerprint.Should().Be(finding.Fingerprint);
        row.AlertKey.Should().Be("key:case:XK-1");
        db.Findings.Count(f => f.AsOf >= new DateOnly(2025, 11, 1)).Should().Be(1);
    }

    [Fact]
    public void Write_HundredThousandFindings_StoresEveryOne()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("COMPLIANCE_BULK_ROWS"), out var n) ? n : 100_000;
        var findings = Enumerable.Range(0, count)
            .Select(i => Alerts.Some.Finding(subject: $"charge:C{i:D7}", unit: $"U{i % 50:D2}"))
            .ToList();

        var watch = Stopwatch.StartNew();
        Write(1, findings);
        watch.Stop();

        var rate = count / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{count} findings in {watch.Elapsed.TotalSeconds:F2} s: {rate:F0} rows/s");
        using var db = _ledger.Store.CreateDb();
        db.Findings.Count().Should().Be(count);
        db.Findings.Select(f => f.Subject).Distinct().Count().Should().Be(count);
        // The rate is printed for the README's figure, not asserted: timing depends on the machine's load.
    }

    private void Write(long runId, IReadOnlyList<Finding> findings)
    {
        using var db = _ledger.Store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        FindingBulkWriter.Write(db.Database.GetDbConnection(), tx.GetDbTransaction(), runId, findings, f => "key:" + f.Subject);
        tx.Commit();
    }
}
