using System.Globalization;
using System.Text.RegularExpressions;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Engine.Tests.Storage.Migrations;
using Compliance.Host.Serve;
using Compliance.Host.Tests.Serve;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Host.Tests.Ledger;

/// <summary>
/// <c>runs show</c> prints a run's summary.json as <c>compliance check</c> writes it, whether the ledger stored the
/// summary packed from the start or an earlier build stored it as text and this one packed it on opening.
/// </summary>
public sealed class RunsCommandTests : IDisposable
{
    // Monday 2025-11-03, 06:00 in Beijing.
    private static readonly DateTimeOffset Monday = new(2025, 11, 2, 22, 0, 0, TimeSpan.Zero);

    private const string Heading = "summary.json：\n";

    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly LedgerWorld _world;

    public RunsCommandTests()
    {
        _world = new LedgerWorld(_clock);
        _world.PutCurrent(Directory.GetFiles(Repository.Samples, "*.csv"));
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void RunsShow_DailyRunOnTheSamples_PrintsTheSummaryCheckWrites()
    {
        var run = Daily();
        var output = _world.Temp.Sub("check-out");
        Cli.Run("check", "--rules", _world.Rules, "--data", Path.Combine(_world.Home, "current"), "--as-of", "2025-11-03", "--out", output)
            .ShouldExit(ExitCode.Completed);

        var shown = Show(_world.Home, run.RunId);

        WithoutDuration(SummaryOf(shown)).Should().Be(WithoutDuration(File.ReadAllText(Path.Combine(output, "summary.json"))));
    }

    [Fact]
    public void RunsShow_LedgerOfThePreviousModel_SameOutputAfterMigrating()
    {
        var first = Daily();
        _clock.Advance(TimeSpan.FromDays(1));
        var second = Daily();
        var runs = new[] { first.RunId, second.RunId };
        var shown = runs.Select(r => Show(_world.Home, r)).ToList();
        var oldHome = _world.Temp.Sub("old-home");
        var textSummaries = PreviousModelCopy(Path.Combine(oldHome, "ledger.db"));

        var shownAfterMigrating = runs.Select(r => Show(oldHome, r)).ToList();

        shownAfterMigrating.Should().Equal(shown);
        // What the previous build printed: the same lines, then the TEXT column as it was.
        shownAfterMigrating.Select(SummaryOf).Should().Equal(textSummaries);
        textSummaries.Should().AllSatisfy(s => s.Should().StartWith("{\n  \"asOf\": \"2025-11-0"));
    }

    private RunOutcome Daily()
    {
        _world.Get<RuleSetProvider>().Refresh();
        return _world.Get<LedgerRunner>().Judge("daily", CancellationToken.None).GetAwaiter().GetResult()!;
    }

    private string Show(string home, long run) =>
        Cli.Run("runs", "show", run.ToString(CultureInfo.InvariantCulture), "--home", home, "--rules", _world.Rules).ShouldExit(ExitCode.Completed).Stdout;

    private static string SummaryOf(string shown) => shown[(shown.IndexOf(Heading, StringComparison.Ordinal) + Heading.Length)..];

    private static string WithoutDuration(string summaryJson) => Regex.Replace(summaryJson, "\"durationMs\": \\d+", "");

    // The world's ledger as the build before CompressedSummaries kept it, at path; returns its runs' summaries as stored.
    private List<string> PreviousModelCopy(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SqliteConnection.ClearAllPools();
        PreviousModel.Create(path, "_AlertSightings");
        using var connection = PreviousModel.OpenWith(path, Path.Combine(_world.Home, "ledger.db"));
        using (var tx = connection.BeginTransaction())
        {
            PreviousModel.CopyRunsWithTextSummaries(connection, tx);
            foreach (var table in new[] { "RunInputs", "Findings", "Alerts", "AlertSightings", "AlertEvents", "Deliveries", "InboxFiles", "RuleSetEvents" })
            {
                PreviousModel.Execute(connection, $"INSERT INTO main.{table} SELECT * FROM kept.{table}", tx);
            }
            tx.Commit();
        }
        PreviousModel.Execute(connection, "DETACH DATABASE kept");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SummaryJson FROM Runs WHERE typeof(SummaryJson) = 'text' ORDER BY Id";
        using var reader = command.ExecuteReader();
        var summaries = new List<string>();
        while (reader.Read())
        {
            summaries.Add(reader.GetString(0));
        }
        return summaries;
    }
}
