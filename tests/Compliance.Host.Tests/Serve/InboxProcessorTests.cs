using Compliance.Engine.Storage;
using Compliance.Host.Serve;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Host.Tests.Serve;

public sealed class InboxProcessorTests : IDisposable
{
    private readonly LedgerWorld _world = new(new FakeTimeProvider(new DateTimeOffset(2025, 11, 4, 2, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _world.Dispose();

    private string Inbox => Path.Combine(_world.Home, "inbox");

    [Fact]
    public async Task Scan_FileStillGrowing_NotReadUntilItLooksTheSameTwice()
    {
        var inbox = _world.Get<InboxProcessor>();
        await inbox.Scan(CancellationToken.None);
        var path = Path.Combine(Inbox, "charges-1104.csv");
        File.WriteAllText(path, LedgerWorld.UnknownFeeCharges(1));

        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty();
        File.AppendAllText(path, "JK-0002,,F99,测试费,100.00,2025-11-03,U0101,\n");
        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty("it changed since the last look");
        var taken = await inbox.Scan(CancellationToken.None);

        taken.Should().ContainSingle(f => f.Outcome == InboxFile.Accepted);
        Runs().Should().Be(1);
        Alerts().Should().Be(2, "both rows were read");
        File.Exists(Path.Combine(_world.Home, "current", "charges.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Scan_PartFileName_IgnoredUntilRenamed()
    {
        var inbox = _world.Get<InboxProcessor>();
        File.WriteAllText(Path.Combine(Inbox, "charges.csv.part"), LedgerWorld.UnknownFeeCharges(1));

        await inbox.Scan(CancellationToken.None);
        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty();

        Runs().Should().Be(0);
    }

    [Fact]
    public void Accept_SameContentTwice_DoesNothingNew()
    {
        var export = _world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(2));
        _world.Ingest(export);

        var again = _world.Ingest(_world.Export("charges-again.csv", LedgerWorld.UnknownFeeCharges(2)));

        again.Single().Outcome.Should().Be(InboxFile.Duplicate);
        Runs().Should().Be(1);
    }

    [Fact]
    public async Task Scan_UnusableFiles_MovedAsideWithReasonsNeverLost()
    {
        var inbox = _world.Get<InboxProcessor>();
        File.WriteAllText(Path.Combine(Inbox, "cases.csv"), "办件编号,事项编码\nXK-1,X0101\n");
        File.WriteAllText(Path.Combine(Inbox, "notes.txt"), "hello");
        await inbox.Scan(CancellationToken.None);

        var outcomes = await inbox.Scan(CancellationToken.None);

        outcomes.Should().HaveCount(2).And.OnlyContain(o => o.Outcome == InboxFile.Rejected);
        Directory.GetFiles(Inbox).Should().BeEmpty();
        var rejected = Path.Combine(_world.Home, "rejected");
        var reasons = Directory.GetFiles(rejected, "*cases.csv.reasons.txt").Single();
        File.ReadAllText(reasons).Should().Contain("missing-column").And.Contain("拒收时间：2025-11-04 10:00:00（北京时间）");
        Directory.GetFiles(rejected, "*notes.txt").Should().ContainSingle();
        Runs().Should().Be(0);
    }

    [Fact]
    public async Task Scan_FileThatCannotBeDecoded_MovedAsideWithItsReason()
    {
        var inbox = _world.Get<InboxProcessor>();
        var bytes = System.Text.Encoding.UTF8.GetBytes(LedgerWorld.UnknownFeeCharges(1)).Concat(new byte[] { 0xFF, 0x0A }).ToArray();
        File.WriteAllBytes(Path.Combine(Inbox, "charges-1104.csv"), bytes);
        await inbox.Scan(CancellationToken.None);

        var outcomes = await inbox.Scan(CancellationToken.None);

        outcomes.Should().ContainSingle().Which.Outcome.Should().Be(InboxFile.Rejected);
        var reasons = Directory.GetFiles(Path.Combine(_world.Home, "rejected"), "*charges-1104.csv.reasons.txt").Single();
        File.ReadAllText(reasons).Should().Contain("bad-file").And.Contain("无法解码").And.Contain("文件 charges-1104.csv ").And.NotContain("文件 charges.csv ");
        Runs().Should().Be(0);
    }

    [Fact]
    public async Task Scan_ExportAcceptedButHostDiedBeforeItsRun_JudgedOnTheFirstScanAfterRestart()
    {
        // What Take leaves when the process dies between recording the export and judging it: the file is the
        // current feed, the inbox log has it accepted, and no run has read it.
        _world.PutCurrent(_world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(2)));
        using (var db = _world.Get<LedgerStore>().CreateDb())
        {
            db.InboxFiles.Add(new InboxFileRow { Sha256 = new string('a', 64), Name = "charges-1104.csv", Feed = "charges", Outcome = InboxFile.Accepted, Reason = "" });
            db.SaveChanges();
        }
        _world.Restart();

        (await _world.Get<InboxProcessor>().Scan(CancellationToken.None)).Should().BeEmpty("no new file arrived");

        Runs().Should().Be(1, "the export must not wait for the next morning's run");
        Alerts().Should().Be(2);
        using var read = _world.Get<LedgerStore>().CreateDb();
        read.InboxFiles.Single().RunId.Should().Be(read.Runs.Single().Id);
    }

    [Fact]
    public async Task Scan_UnjudgedExportAfterARestartWithABrokenRuleSet_WaitsQuietlyForAGoodOne()
    {
        _world.PutCurrent(_world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(2)));
        using (var db = _world.Get<LedgerStore>().CreateDb())
        {
            db.InboxFiles.Add(new InboxFileRow { Sha256 = new string('a', 64), Name = "charges-1104.csv", Feed = "charges", Outcome = InboxFile.Accepted, Reason = "" });
            db.SaveChanges();
        }
        var settings = Path.Combine(_world.Rules, "settings.json");
        var good = File.ReadAllText(settings);
        File.WriteAllText(settings, "{ \"warnDays\": ");
        _world.Restart();
        var inbox = _world.Get<InboxProcessor>();

        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty("nothing can be judged without a rule set");
        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty();
        Runs().Should().Be(0);

        File.WriteAllText(settings, good);
        await inbox.Scan(CancellationToken.None);

        Runs().Should().Be(1, "the export waited for a rule set, not for the next morning");
    }

    [Fact]
    public async Task Scan_RunFailingOnARule_NotRetriedEveryScanUntilTheRuleSetChanges()
    {
        var npe = Path.Combine(_world.Rules, "workflows", "npe.json");
        File.WriteAllText(npe, """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.npe", "Expression": "charge.Case.ItemCode != \"X\"" } ] }]""");
        var inbox = _world.Get<InboxProcessor>();
        File.WriteAllText(Path.Combine(Inbox, "charges-1104.csv"), LedgerWorld.UnknownFeeCharges(1));
        await inbox.Scan(CancellationToken.None);

        var first = () => inbox.Scan(CancellationToken.None);
        await first.Should().ThrowAsync<Compliance.Rules.Evaluation.RuleEvaluationException>();
        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty("the same rule set would fail the same way");
        (await inbox.Scan(CancellationToken.None)).Should().BeEmpty();
        Runs().Should().Be(0);

        File.Delete(npe);
        await inbox.Scan(CancellationToken.None);

        Runs().Should().Be(1, "the mended rule set judges the export accepted before");
    }

    private int Runs()
    {
        using var db = _world.Get<LedgerStore>().CreateDb();
        return db.Runs.Count(r => r.State == RunState.Completed);
    }

    private int Alerts()
    {
        using var db = _world.Get<LedgerStore>().CreateDb();
        return db.Alerts.Count();
    }
}
