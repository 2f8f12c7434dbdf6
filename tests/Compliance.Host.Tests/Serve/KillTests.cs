using System.Diagnostics;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Host.Tests.Delivery;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Compliance.Host.Tests.Serve;

/// <summary>
/// The host as a real child process (<c>dotnet compliance.dll serve</c>), killed in the middle of delivery and
/// started again. The receiver holds each answer a while after acting on it, so the kill lands between a message
/// being accepted and the ledger marking it sent.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int Alerts = 24;

    private readonly WebhookReceiver _receiver = new(LedgerWorld.Secret, holdBeforeAnswer: TimeSpan.FromMilliseconds(150));
    private LedgerWorld? _world;

    public void Dispose()
    {
        _world?.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task Serve_KilledMidDeliveryAndRestarted_EveryAlertReachesTheReceiverOnceAndTheLedgerAgrees()
    {
        _world = new LedgerWorld(TimeProvider.System, _receiver.UrlFor, DeliveryServiceTests.Webhook());
        _world.Ingest(_world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(Alerts)));
        SqliteConnection.ClearAllPools();

        using (var first = StartHost())
        {
            await WaitUntil(() => _receiver.Processed.Count >= Alerts / 3, TimeSpan.FromSeconds(60), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var beforeRestart = _receiver.Processed.Count;
        output.WriteLine($"killed after {beforeRestart} of {Alerts} messages were processed");
        beforeRestart.Should().BeLessThan(Alerts, "the kill must land in the middle of delivery");

        using (var second = StartHost())
        {
            await WaitUntil(() => SentAlerts() == Alerts, TimeSpan.FromSeconds(60), second);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        _receiver.Arrived.Should().OnlyContain(a => a.SignatureValid);
        _receiver.Processed.Should().HaveCount(Alerts, "each alert is one message, processed once after de-duplication");
        foreach (var (key, body) in _receiver.Repeats)
        {
            body.Should().Be(_receiver.Processed[key].RootElement.GetRawText(), "a re-send is the same message");
        }
        var delivered = _receiver.Processed.Values.Select(b => b.RootElement.GetProperty("alerts")[0].GetProperty("alertId").GetInt64()).ToList();
        delivered.Should().OnlyHaveUniqueItems();
        using var db = _world.Get<LedgerStore>().CreateDb();
        db.Alerts.Select(a => a.Id).ToList().Should().BeEquivalentTo(delivered);
        db.Alerts.Should().OnlyContain(a => a.State == AlertState.Sent);
        db.Deliveries.Should().OnlyContain(d => d.State == DeliveryChannels.Sent);
        db.Deliveries.Select(d => d.BatchKey).ToList().Should().BeEquivalentTo(_receiver.Processed.Keys);
    }

    private Process StartHost()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll());
        start.ArgumentList.Add("serve");
        foreach (var (key, value) in _world!.Settings)
        {
            start.Environment["COMPLIANCE_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["COMPLIANCE_Schedule__Delivery"] = "* * * * * ?";
        start.Environment["COMPLIANCE_Schedule__Inbox"] = "0 0 * * * ?";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private int SentAlerts()
    {
        SqliteConnection.ClearAllPools();
        using var db = _world!.Get<LedgerStore>().CreateDb();
        return db.Alerts.Count(a => a.State == AlertState.Sent);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit, Process host)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            host.HasExited.Should().BeFalse("the host must keep running");
            watch.Elapsed.Should().BeLessThan(limit);
            await Task.Delay(20);
        }
    }

    /// <summary>The host built beside this test assembly's configuration (Debug or Release).</summary>
    private static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Repository.Root, "src", "Compliance.Host", "bin", configuration, "net10.0", "compliance.dll");
        File.Exists(dll).Should().BeTrue($"the host is built at {dll}");
        return dll;
    }
}
