using System.Globalization;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Compliance.Host.Serve;
using Compliance.Host.Tests.Delivery;
using Compliance.Rules.Evaluation;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Host.Tests.Serve;

/// <summary>
/// A run that throws (a custom rule failing on the data) is recorded as failed, shown by <c>runs list|show</c>, and
/// told to the office once per rule set and input files, however often it is retried; once the rule is mended the
/// host judges as before and goes on incrementally from the mended run.
/// </summary>
public sealed class FailedRunTests : IDisposable
{
    // Tuesday 2025-11-04, 10:00 in Beijing.
    private static readonly DateTimeOffset Now = new(2025, 11, 4, 2, 0, 0, TimeSpan.Zero);

    private const string FailedSubject = "【效能监察·判定失败】";

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SmtpReceiver _smtp = new();
    private readonly LedgerWorld _world;

    public FailedRunTests()
    {
        _world = new LedgerWorld(_clock, settings: new Dictionary<string, string?>
        {
            ["Delivery:Email:Enabled"] = "true",
            ["Delivery:Email:Host"] = "127.0.0.1",
            ["Delivery:Email:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Delivery:Email:Security"] = "None",
            ["Delivery:Email:From"] = "dzjc@example.gov",
        });
    }

    private string Npe => Path.Combine(_world.Rules, "workflows", "npe.json");

    public void Dispose()
    {
        _world.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public void Judge_CustomRuleThrowingOnTheData_RunListedAsFailedWithTheError()
    {
        BreakTheRules();

        Ingesting().Should().Throw<RuleEvaluationException>();

        var listed = Cli.Run("runs", "list", "--home", _world.Home, "--rules", _world.Rules);
        listed.Stdout.Should().Contain("复核 1 次，其中失败 1 次")
            .And.MatchRegex(@"#1\t2025-11-04 10:00\t基准日期 2025-11-04\tingest\t规则集 [^\t]+\t失败：workflows/npe\.json:1: 规则 local\.npe 在 charge:JK-0001 上运行出错");
        var shown = Cli.Run("runs", "show", "1", "--home", _world.Home, "--rules", _world.Rules);
        shown.Stdout.Should().Contain("复核 #1（ingest）").And.Contain("状态：失败，未产生任何问题记录")
            .And.Contain("规则 local.npe 在 charge:JK-0001 上运行出错：取了空值（null）的成员（NullReferenceException）")
            .And.Contain("charges\tcharges.csv\t");
    }

    [Fact]
    public async Task Judge_FailingOnInboxRetriesDailyRunsAndARestart_OfficeGetsExactlyOneChineseMail()
    {
        BreakTheRules();
        Ingesting().Should().Throw<RuleEvaluationException>();
        await Deliver();
        var runner = _world.Get<LedgerRunner>();
        await ((Func<Task>)(() => runner.Judge("daily", CancellationToken.None))).Should().ThrowAsync<RuleEvaluationException>();
        _clock.Advance(TimeSpan.FromDays(1));
        await ((Func<Task>)(() => runner.Judge("daily", CancellationToken.None))).Should().ThrowAsync<RuleEvaluationException>();
        await Deliver();
        _world.Restart();
        await ((Func<Task>)(() => _world.Get<InboxProcessor>().Scan(CancellationToken.None))).Should()
            .ThrowAsync<RuleEvaluationException>("after a restart the unjudged export is tried once more");
        await Deliver();

        var mail = _smtp.Messages.Should().ContainSingle().Subject;
        mail.To.Mailboxes.Single().Address.Should().Be("u00@example.gov");
        mail.Subject.Should().StartWith(FailedSubject).And.Contain("复核 #1").And.Contain("2025-11-04 10:00:00");
        mail.TextBody.Should().Contain("市纪委监委效能监察室：")
            .And.Contain("由compliance ingest触发").And.Contain("基准日期 2025-11-04")
            .And.Contain("未产生任何问题记录")
            .And.Contain("workflows/npe.json:1: 规则 local.npe 在 charge:JK-0001 上运行出错")
            .And.Contain("compliance rules validate")
            .And.Contain("消息编号：run-failed-email-");
        using var db = _world.Get<LedgerStore>().CreateDb();
        db.Runs.Select(r => r.State).Should().Equal(Enumerable.Repeat(RunState.Failed, 4));
        db.Alerts.Should().BeEmpty();
    }

    [Fact]
    public async Task Judge_RuleMendedAfterFailures_NextRunCompletesAndIsTheBaseOfTheFollowingOne()
    {
        BreakTheRules();
        Ingesting().Should().Throw<RuleEvaluationException>();
        var runner = _world.Get<LedgerRunner>();
        await ((Func<Task>)(() => runner.Judge("daily", CancellationToken.None))).Should().ThrowAsync<RuleEvaluationException>();

        File.Delete(Npe);
        await _world.Get<InboxProcessor>().Scan(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        var next = await runner.Judge("daily", CancellationToken.None);

        using var db = _world.Get<LedgerStore>().CreateDb();
        var mended = db.Runs.Single(r => r.Id == 3);
        mended.State.Should().Be(RunState.Completed);
        mended.Trigger.Should().Be("inbox", "the export the failing runs could not judge is judged as soon as the rule set changes");
        db.InboxFiles.Single().RunId.Should().Be(3);
        next!.BaseRunId.Should().Be(3, "the failed runs are passed over");
        runner.Last!.Incremental.Should().BeTrue();
        db.Alerts.Count().Should().Be(1, "the charge's unknown fee is found once the rule set judges again");
        await Deliver();
        _smtp.Messages.Count(m => m.Subject!.StartsWith(FailedSubject, StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Judge_OtherExportFailingTheSameWay_OfficeToldOfTheNewFailureToo()
    {
        BreakTheRules();
        Ingesting().Should().Throw<RuleEvaluationException>();

        var second = () => _world.Ingest(_world.Export("charges-1105.csv", LedgerWorld.UnknownFeeCharges(2)));
        second.Should().Throw<RuleEvaluationException>();
        await Deliver();

        _smtp.Messages.Select(m => m.Subject).Should().HaveCount(2).And.OnlyContain(s => s!.StartsWith(FailedSubject, StringComparison.Ordinal));
    }

    // A custom rule that reads the charge's case, and a charge whose case id is empty: valid, but null on the data.
    private void BreakTheRules() =>
        File.WriteAllText(Npe, """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.npe", "Expression": "charge.Case.ItemCode != \"X\"" } ] }]""");

    private Action Ingesting() => () => _world.Ingest(_world.Export("charges-1104.csv", LedgerWorld.UnknownFeeCharges(1)));

    private Task<int> Deliver() => _world.Get<DeliveryService>().DeliverDue(false, CancellationToken.None);
}
