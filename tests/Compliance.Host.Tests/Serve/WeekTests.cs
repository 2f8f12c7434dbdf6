using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Compliance.Host.Serve;
using Compliance.Host.Tests.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Host.Tests.Serve;

/// <summary>
/// A week of the host's days driven by a fake clock, through the services its jobs call: each morning the daily
/// re-judgement and delivery, then the 督办 escalation. One open case, accepted Wednesday 2025-11-05 with a
/// promised limit of 5 and a statutory limit of 6 working days, never acknowledged by its unit.
/// </summary>
public sealed class WeekTests : IDisposable
{
    // Monday 2025-11-10, 06:00 in Beijing.
    private static readonly DateTimeOffset FirstMorning = new(2025, 11, 9, 22, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(FirstMorning);
    private readonly WebhookReceiver _receiver = new(LedgerWorld.Secret);
    private readonly LedgerWorld _world;

    public WeekTests()
    {
        var settings = DeliveryServiceTests.Webhook();
        settings["Escalation:AcknowledgeDays"] = "2";
        settings["Escalation:WarnDays"] = "1";
        settings["Escalation:RedAfterDays"] = "1";
        _world = new LedgerWorld(_clock, _receiver.UrlFor, settings);
    }

    public void Dispose()
    {
        _world.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task Week_OpenCase_DueSoonThenPromisedThenStatutoryOneAlertEscalatedAndClosedByTheDecision()
    {
        var severities = new List<string>();
        var followUps = new List<int>();
        for (var day = 0; day < 8; day++)
        {
            if (day == 0)
            {
                _world.Ingest(_world.Export("cases.csv", Case(decided: "")));
            }
            else if (day == 7)
            {
                _world.Ingest(_world.Export("cases-decided.csv", Case(decided: "2025-11-17")));
            }
            else
            {
                await _world.Get<LedgerRunner>().Judge("daily", CancellationToken.None);
            }
            await _world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);

            _clock.Advance(TimeSpan.FromHours(2.5));
            Escalate();
            await _world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);

            var alert = OnlyAlert();
            severities.Add($"{alert.Rule}/{alert.State}");
            followUps.Add(alert.FollowUpLevel);
            _clock.Advance(TimeSpan.FromHours(21.5));
        }

        severities.Should().Equal(
            "case.due-soon/sent",
            "case.due-soon/sent",
            "case.due-soon/sent",
            "case.overdue-promised/sent",
            "case.overdue-statutory/sent",
            "case.overdue-statutory/sent",
            "case.overdue-statutory/sent",
            "case.overdue-statutory/auto-closed");
        followUps.Should().Equal(0, 1, 1, 2, 3, 3, 3, 3);

        var alertRow = OnlyAlert();
        alertRow.Key.Should().Be("case-clock|case:W-1");
        alertRow.Severity.Should().Be(Severity.Red);
        ShanghaiDay.Of(alertRow.ClosedAt!.Value).Should().Be(new DateOnly(2025, 11, 17));
        using var db = _world.Get<LedgerStore>().CreateDb();
        db.Runs.Count().Should().Be(8);
        db.AlertEvents.Where(e => e.Action == "auto-closed").Single().Reason.Should().Contain("办件已办结");

        var received = _receiver.Processed.Values
            .Select(b => (Path: b.RootElement.GetProperty("recipient").GetString(), Alert: b.RootElement.GetProperty("alerts")[0]))
            .Select(r => $"{r.Path} {r.Alert.GetProperty("kind").GetString()} {r.Alert.GetProperty("severity").GetString()}" +
                (r.Alert.TryGetProperty("followUpSeverity", out var f) ? $" 督办 {f.GetString()}" : ""))
            .ToList();
        received.Should().BeEquivalentTo(
            "U0101 new warning",
            "U0101 follow-up warning 督办 warning",
            "U0101 changed yellow",
            "U0101 follow-up yellow 督办 yellow",
            "U01 follow-up yellow 督办 yellow",
            "U00 follow-up yellow 督办 yellow",
            "U0101 changed red",
            "U0101 follow-up red 督办 red",
            "U01 follow-up red 督办 red",
            "U00 follow-up red 督办 red");
        _receiver.Arrived.Should().OnlyContain(a => a.SignatureValid);
    }

    private void Escalate()
    {
        var now = _clock.GetUtcNow();
        _world.Get<LedgerAccess>().Ledger().Escalate(
            now, ShanghaiDay.Of(now), _world.Get<RuleSetProvider>().Current().RuleSet.Calendar,
            _world.Get<IOptions<EscalationOptions>>().Value.ToPolicy());
    }

    private AlertRow OnlyAlert()
    {
        using var db = _world.Get<LedgerStore>().CreateDb();
        return db.Alerts.Single();
    }

    private static string Case(string decided) =>
        "case_id,item_code,unit_code,accepted_at,decided_at,statutory_limit,promised_limit\n" +
        $"W-1,X0101,U0101,2025-11-05,{decided},6,5\n";
}
