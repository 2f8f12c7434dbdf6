using Compliance.Host.Tests.Serve;

namespace Compliance.Host.Tests.Ledger;

public sealed class AlertsCommandTests : IDisposable
{
    private readonly LedgerWorld _world = new(new FixedClock(Cli.Now));

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Ingest_Charges_OpensAlertsListedByFilters()
    {
        var charges = _world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(3));

        Run("ingest", charges).ShouldExit(ExitCode.Completed).Stdout.Should().Contain("已接收为 charges");

        Run("alerts", "list", "--unit", "U01", "--severity", "red", "--state", "pending").Stdout.Should().Contain("挂账 3 条");
        Run("alerts", "list", "--code", "case.due-soon").Stdout.Should().Contain("挂账 0 条");
        Run("runs", "list").Stdout.Should().Contain("#1").And.Contain("ingest");
        Run("runs", "show", "1").Stdout.Should().Contain("charges.csv").And.Contain("\"asOf\": \"2025-11-03\"");
    }

    [Fact]
    public void Ack_ThenShow_RecordsWhoWhenWhy()
    {
        Run("ingest", _world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1))).ShouldExit(ExitCode.Completed);

        Run("alerts", "ack", "1", "--by", "城东分局李四", "--reason", "已收到").ShouldExit(ExitCode.Completed).Stdout.Should().Contain("已签收");
        Run("alerts", "close", "1", "--by", "监察室王五", "--reason", "已退费，凭证核实").ShouldExit(ExitCode.Completed);

        var shown = Run("alerts", "show", "1").ShouldExit(ExitCode.Completed).Stdout;
        shown.Should().Contain("已办结").And.Contain("城东分局李四").And.Contain("已收到").And.Contain("监察室王五").And.Contain("凭证核实");
        shown.Should().Contain("计算过程：");
    }

    [Fact]
    public void Rectify_OnClosedAlert_RefusedWithExit2()
    {
        Run("ingest", _world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1))).ShouldExit(ExitCode.Completed);
        Run("alerts", "revoke", "1", "--by", "监察室", "--reason", "误报").ShouldExit(ExitCode.Completed);

        var outcome = Run("alerts", "rectify", "1", "--by", "城东分局", "--reason", "已整改");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("不能整改");
    }

    [Fact]
    public void Rectify_WithoutReason_Exit2PointingToTheRectifyHelpNotCheck()
    {
        var outcome = Run("alerts", "rectify", "1", "--by", "城东分局");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("--reason").And.Contain("compliance alerts rectify --help").And.NotContain("compliance check");
    }

    [Fact]
    public void Appeal_ThenOverturn_ClosesTheAlert()
    {
        Run("ingest", _world.Export("charges.csv", LedgerWorld.UnknownFeeCharges(1))).ShouldExit(ExitCode.Completed);
        Run("alerts", "ack", "1", "--by", "城东分局").ShouldExit(ExitCode.Completed);

        Run("alerts", "appeal", "1", "--by", "城东分局", "--reason", "收费有依据").ShouldExit(ExitCode.Completed);
        Run("alerts", "appeal", "1", "--overturn", "--by", "监察室", "--reason", "依据有效").ShouldExit(ExitCode.Completed);

        Run("alerts", "list", "--state", "overturned").Stdout.Should().Contain("挂账 1 条");
    }

    private CliOutcome Run(params string[] args) => Cli.Run([.. args, "--home", _world.Home, "--rules", _world.Rules]);
}
