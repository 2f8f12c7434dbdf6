using System.Text.Json;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Compliance.Host.Serve;
using Compliance.Host.Tests.Serve;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Compliance.Host.Tests.Delivery;

public sealed class DeliveryServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 4, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeliverDue_Email_RealSmtpServerGetsOneChineseMailPerAlertWithFiguresAndBasis()
    {
        using var smtp = new SmtpReceiver();
        using var world = new LedgerWorld(new FakeTimeProvider(Now), settings: new Dictionary<string, string?>
        {
            ["Delivery:Email:Enabled"] = "true",
            ["Delivery:Email:Host"] = "127.0.0.1",
            ["Delivery:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Email:Security"] = "None",
            ["Delivery:Email:From"] = "dzjc@example.gov",
        });
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(2)));

        var sent = await world.Get<DeliveryService>().DeliverDue(flushDigests: false, CancellationToken.None);

        sent.Should().Be(2);
        smtp.Messages.Should().HaveCount(2);
        var mail = smtp.Messages.OrderBy(m => m.MessageId, StringComparer.Ordinal).First();
        mail.To.Mailboxes.Single().Address.Should().Be("u0101@example.gov");
        mail.Subject.Should().Contain("红牌").And.Contain("charge:JK-000");
        mail.MessageId.Should().StartWith("notice-").And.EndWith("@compliance.ledger");
        mail.TextBody.Should().Contain("不在收费目录内").And.Contain("依据：").And.Contain("计算过程：").And.Contain("100.00");
        AlertStates(world).Should().OnlyContain(s => s == AlertState.Sent);
    }

    [Fact]
    public async Task DeliverDue_SmtpRefusesTheMessage_StaysPendingWithTheErrorThenTheSameMailOnceOnRetry()
    {
        var clock = new FakeTimeProvider(Now);
        using var smtp = new SmtpReceiver(refuseFirst: 1);
        using var world = new LedgerWorld(clock, settings: Email(smtp));
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));
        var delivery = world.Get<DeliveryService>();

        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(0);
        AlertStates(world).Should().Equal(AlertState.Pending);
        using (var db = world.Get<LedgerStore>().CreateDb())
        {
            var row = db.Deliveries.Single();
            row.State.Should().Be(DeliveryChannels.Pending);
            row.Attempts.Should().Be(1);
            row.LastError.Should().Contain("554");
            row.NextAttemptAt.Should().Be(Now.AddSeconds(60));
        }
        clock.Advance(TimeSpan.FromSeconds(59));
        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(0, "the retry waits FirstRetrySeconds");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(1);

        smtp.Messages.Should().ContainSingle().Which.MessageId.Should().Be("notice-1@compliance.ledger");
        AlertStates(world).Should().Equal(AlertState.Sent);
    }

    [Fact]
    public async Task DeliverDue_SmtpRefusesEveryAttempt_FailedAfterMaxAttemptsAndShownByAlertsShow()
    {
        var clock = new FakeTimeProvider(Now);
        using var smtp = new SmtpReceiver(refuseFirst: int.MaxValue);
        var settings = Email(smtp);
        settings["Delivery:MaxAttempts"] = "3";
        settings["Delivery:FirstRetrySeconds"] = "10";
        using var world = new LedgerWorld(clock, settings: settings);
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));
        var delivery = world.Get<DeliveryService>();

        var pauses = new List<DateTimeOffset>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            await delivery.DeliverDue(false, CancellationToken.None);
            using var db = world.Get<LedgerStore>().CreateDb();
            pauses.Add(db.Deliveries.First(d => d.Kind == DeliveryChannels.Notice).NextAttemptAt);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        pauses.Take(3).Should().Equal(Now.AddSeconds(10), Now.AddMinutes(1).AddSeconds(20), Now.AddMinutes(2).AddSeconds(40));
        smtp.Messages.Should().BeEmpty();
        using (var db = world.Get<LedgerStore>().CreateDb())
        {
            // The office's mail about it goes through the same refusing server: it fails in turn and goes nowhere else.
            db.Deliveries.OrderBy(d => d.Id).Select(d => $"{d.Kind} {d.Recipient} {d.State} {d.Attempts}").ToList()
                .Should().Equal("notice U0101 failed 3", "undelivered U00 failed 3");
        }
        var shown = Cli.Run("alerts", "show", "1", "--home", world.Home, "--rules", world.Rules);
        shown.Stdout.Should().Contain("投递失败").And.Contain("尝试 3 次").And.Contain("最近错误");
    }

    [Fact]
    public async Task DeliverDue_UnitAddressAlwaysRefused_OfficeGetsOneChineseMailNamingUnitAlertChannelAndError()
    {
        var clock = new FakeTimeProvider(Now);
        using var smtp = new SmtpReceiver(refuseTo: "u0101@example.gov");
        var logs = new LogCollector();
        using var world = new LedgerWorld(clock, settings: GivingUpAfterThree(smtp), logs: logs);
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));
        var delivery = world.Get<DeliveryService>();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await delivery.DeliverDue(false, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var mail = smtp.Messages.Should().ContainSingle().Subject;
        mail.To.Mailboxes.Single().Address.Should().Be("u00@example.gov");
        mail.MessageId.Should().Be("undelivered-email-notice-1@compliance.ledger");
        mail.Subject.Should().Contain("投递失败").And.Contain("城东区市场监督管理局").And.Contain("#1");
        mail.TextBody.Should().Contain("城东区市场监督管理局（U0101）").And.Contain("电子邮件（u0101@example.gov）")
            .And.Contain("尝试 3 次").And.Contain("554").And.Contain("挂账编号：#1").And.Contain("charge:JK-0001").And.Contain("原消息编号：notice-1");
        AlertStates(world).Should().Equal(AlertState.Pending);
        logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Text.Contains("gave up", StringComparison.Ordinal))
            .Which.Text.Should().Contain("notice-1").And.Contain("U0101").And.Contain("undelivered-email-notice-1");

        var listed = Cli.Run("alerts", "list", "--home", world.Home, "--rules", world.Rules);
        listed.Stdout.Should().Contain("#1\t待发（投递失败）\t");
        var shown = Cli.Run("alerts", "show", "1", "--home", world.Home, "--rules", world.Rules);
        shown.Stdout.Should().Contain("挂账 #1　待发（投递失败）")
            .And.Contain("notice　email　U0101 u0101@example.gov　投递失败　尝试 3 次")
            .And.Contain("undelivered　email　U00 u00@example.gov　已发　尝试 1 次");
    }

    [Fact]
    public async Task AlertsList_StateUndelivered_ListsOnlyAlertsWaitingOnANoticeGivenUpOn()
    {
        var clock = new FakeTimeProvider(Now);
        using var smtp = new SmtpReceiver(refuseTo: "u0101@example.gov");
        using var world = new LedgerWorld(clock, settings: GivingUpAfterThree(smtp));
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1) + "JK-0002,,F99,测试费,100.00,2025-11-03,U01,\n"));
        var delivery = world.Get<DeliveryService>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await delivery.DeliverDue(false, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var listed = Cli.Run("alerts", "list", "--state", "undelivered", "--home", world.Home, "--rules", world.Rules);

        listed.Stdout.Should().Contain("挂账 1 条").And.Contain("待发（投递失败）").And.Contain("charge:JK-0001").And.NotContain("charge:JK-0002");
        Cli.Run("alerts", "list", "--home", world.Home, "--rules", world.Rules).Stdout.Should().Contain("挂账 2 条");
    }

    [Fact]
    public async Task DeliverDue_UnitWebhookUnreachable_OfficeWebhookGetsTheNoticeWithWhatFailed()
    {
        var clock = new FakeTimeProvider(Now);
        using var receiver = new WebhookReceiver(LedgerWorld.Secret);
        var settings = Webhook();
        settings["Delivery:Webhook:Retries"] = "0";
        settings["Delivery:MaxAttempts"] = "2";
        using var world = new LedgerWorld(clock, u => u == "U0101" ? "http://127.0.0.1:9/U0101" : receiver.UrlFor(u), settings);
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(5));
        }

        receiver.Arrived.Should().ContainSingle().Which.Should().Be(("/U00", "undelivered-webhook-notice-1", true));
        var alert = receiver.Processed.Single().Value.RootElement.GetProperty("alerts").EnumerateArray().Single();
        alert.GetProperty("alertId").GetInt64().Should().Be(1);
        alert.GetProperty("kind").GetString().Should().Be("new");
        var failure = alert.GetProperty("undelivered");
        failure.GetProperty("recipient").GetString().Should().Be("U0101");
        failure.GetProperty("channel").GetString().Should().Be("webhook");
        failure.GetProperty("attempts").GetInt32().Should().Be(2);
        failure.GetProperty("messageKey").GetString().Should().Be("notice-1");
        failure.GetProperty("error").GetString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task DeliverDue_HostRestartedBetweenEveryStepAndCrashedBeforeMarkingTheOfficesMail_OfficeSeesOneMessage()
    {
        var clock = new FakeTimeProvider(Now);
        using var smtp = new SmtpReceiver(refuseTo: "u0101@example.gov");
        using var world = new LedgerWorld(clock, settings: GivingUpAfterThree(smtp));
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            world.Restart();
            await world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        // The office's mail leaves, and the host dies before marking it sent.
        world.Restart();
        var outbox = world.Get<LedgerAccess>().Outbox();
        var toOffice = outbox.Due(clock.GetUtcNow()).Single();
        var email = world.Get<IEnumerable<IDeliveryChannel>>().Single(c => c.Name == DeliveryChannels.Email);
        await email.Send(toOffice, "市纪委监委效能监察室", CancellationToken.None);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            world.Restart();
            await world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(1));
        }

        smtp.Messages.Should().HaveCount(2, "the message left before the crash is sent again");
        smtp.Messages.Select(m => m.MessageId).Distinct().Should().Equal("undelivered-email-notice-1@compliance.ledger");
        smtp.Messages.Select(m => m.TextBody).Distinct().Should().ContainSingle("a re-send is the same message");
        using var db = world.Get<LedgerStore>().CreateDb();
        db.Deliveries.OrderBy(d => d.Id).Select(d => d.Kind + " " + d.State).ToList().Should().Equal("notice failed", "undelivered sent");
    }

    [Fact]
    public async Task DeliverDue_Webhook_SignedJsonWithIdempotencyKeyAndEvidence()
    {
        using var receiver = new WebhookReceiver(LedgerWorld.Secret);
        using var world = new LedgerWorld(new FakeTimeProvider(Now), receiver.UrlFor, Webhook());
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(3)));

        await world.Get<DeliveryService>().DeliverDue(flushDigests: false, CancellationToken.None);

        receiver.Arrived.Should().HaveCount(3).And.OnlyContain(a => a.SignatureValid && a.Path == "/U0101");
        var body = receiver.Processed.Values.First().RootElement;
        body.GetProperty("recipient").GetString().Should().Be("U0101");
        var alert = body.GetProperty("alerts")[0];
        alert.GetProperty("rule").GetString().Should().Be("fee.unknown");
        alert.GetProperty("evidence").ValueKind.Should().Be(JsonValueKind.Object);
        alert.GetProperty("basis").GetString().Should().NotBeEmpty();
        AlertStates(world).Should().OnlyContain(s => s == AlertState.Sent);
    }

    [Fact]
    public async Task DeliverDue_ReceiverFailsTwice_RetriedWithBackoffWithinTheAttemptAndProcessedOnce()
    {
        using var receiver = new WebhookReceiver(LedgerWorld.Secret, failFirst: 2);
        // The retry pauses run on the host's TimeProvider; a stopped fake clock would never end them.
        using var world = new LedgerWorld(TimeProvider.System, receiver.UrlFor, Webhook());
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1, date: "2025-11-03")));

        var sent = await world.Get<DeliveryService>().DeliverDue(flushDigests: false, CancellationToken.None);

        sent.Should().Be(1);
        receiver.Arrived.Should().HaveCount(3);
        receiver.Arrived.Select(a => a.Key).Distinct().Should().ContainSingle();
        receiver.Processed.Should().ContainSingle();
    }

    [Fact]
    public async Task DeliverDue_ChannelDown_StaysPendingAndLaterSendsTheSameMessageUnderTheSameKey()
    {
        var clock = new FakeTimeProvider(Now);
        using var receiver = new WebhookReceiver(LedgerWorld.Secret, failFirst: 1);
        var settings = Webhook();
        settings["Delivery:Webhook:Retries"] = "0";
        using var world = new LedgerWorld(clock, receiver.UrlFor, settings);
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));
        var delivery = world.Get<DeliveryService>();

        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(0);
        AlertStates(world).Should().Equal(AlertState.Pending);
        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(0, "the next attempt waits FirstRetrySeconds");
        clock.Advance(TimeSpan.FromSeconds(61));
        (await delivery.DeliverDue(false, CancellationToken.None)).Should().Be(1);

        receiver.Arrived.Select(a => a.Key).Distinct().Should().ContainSingle();
        AlertStates(world).Should().Equal(AlertState.Sent);
    }

    [Fact]
    public async Task DeliverDue_FileDrop_WritesCsvAndXlsxPerUnit()
    {
        using var world = new LedgerWorld(new FakeTimeProvider(Now), settings: new Dictionary<string, string?> { ["Delivery:FileDrop:Enabled"] = "true" });
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1)));

        await world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);

        var folder = Path.Combine(world.Home, "drop", "U0101");
        var csv = Directory.GetFiles(folder, "*.csv").Single();
        File.ReadAllText(csv).Should().StartWith("挂账编号,类型,规则").And.Contain("fee.unknown").And.Contain("charge:JK-0001");
        var rows = MiniExcel.Query(Path.ChangeExtension(csv, ".xlsx"), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Single()["对象"].Should().Be("charge:JK-0001");
        rows.Single()["级别"].Should().Be("红牌");
        rows.Single()["类型"].Should().Be("新增");
    }

    [Fact]
    public async Task DeliverDue_DigestUnit_OneMessageWithTheDaysAlertsAtDigestTime()
    {
        using var receiver = new WebhookReceiver(LedgerWorld.Secret);
        var settings = Webhook();
        settings["Delivery:Digest:Default"] = "true";
        using var world = new LedgerWorld(new FakeTimeProvider(Now), receiver.UrlFor, settings);
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(3)));
        var delivery = world.Get<DeliveryService>();

        (await delivery.DeliverDue(flushDigests: false, CancellationToken.None)).Should().Be(0);
        (await delivery.DeliverDue(flushDigests: true, CancellationToken.None)).Should().Be(1);

        var digest = receiver.Processed.Single();
        digest.Key.Should().StartWith("digest-20251104-U0101-webhook-");
        digest.Value.RootElement.GetProperty("alerts").GetArrayLength().Should().Be(3);
        AlertStates(world).Should().OnlyContain(s => s == AlertState.Sent);
    }

    [Fact]
    public async Task DeliverDue_DeliveryAndDigestJobsFireTogether_EachMessageSentOnce()
    {
        // At 17:00:00 the Digest job and the every-15-seconds Delivery job fire in the same second, on two threads.
        using var receiver = new WebhookReceiver(LedgerWorld.Secret, holdBeforeAnswer: TimeSpan.FromMilliseconds(200));
        using var world = new LedgerWorld(new FakeTimeProvider(Now), receiver.UrlFor, Webhook());
        world.Ingest(world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(3)));
        var delivery = world.Get<DeliveryService>();

        var sent = await Task.WhenAll(
            Task.Run(() => delivery.DeliverDue(flushDigests: false, CancellationToken.None)),
            Task.Run(() => delivery.DeliverDue(flushDigests: true, CancellationToken.None)));

        sent.Sum().Should().Be(3);
        receiver.Arrived.Should().HaveCount(3, "a message goes out once, not once per job that saw it due");
        AlertStates(world).Should().OnlyContain(s => s == AlertState.Sent);
    }

    private static Dictionary<string, string?> Email(SmtpReceiver smtp) => new()
    {
        ["Delivery:Email:Enabled"] = "true",
        ["Delivery:Email:Host"] = "127.0.0.1",
        ["Delivery:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:Email:Security"] = "None",
        ["Delivery:Email:From"] = "dzjc@example.gov",
    };

    private static Dictionary<string, string?> GivingUpAfterThree(SmtpReceiver smtp)
    {
        var settings = Email(smtp);
        settings["Delivery:MaxAttempts"] = "3";
        settings["Delivery:FirstRetrySeconds"] = "10";
        return settings;
    }

    internal static Dictionary<string, string?> Webhook() => new() { ["Delivery:Webhook:Enabled"] = "true" };

    private static List<string> AlertStates(LedgerWorld world)
    {
        using var db = world.Get<LedgerStore>().CreateDb();
        return db.Alerts.OrderBy(a => a.Id).Select(a => a.State).ToList();
    }
}
