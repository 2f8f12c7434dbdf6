using Compliance.Engine.Storage;
using Compliance.Host.Serve;

namespace Compliance.Host.Tests.Serve;

public sealed class RuleSetProviderTests : IDisposable
{
    private readonly LedgerWorld _world = new(new FixedClock(new DateTimeOffset(2025, 11, 4, 2, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Refresh_ValidChange_SwappedInForTheNextRun()
    {
        var rules = _world.Get<RuleSetProvider>();
        var before = rules.Current().RuleSet;

        WriteSettings("""{ "warnDays": 3, "defaultStatutoryLimit": 20, "warningTalk": { "redFindings": 5, "windowDays": 90 }, "checks": {} }""");

        rules.Refresh().Should().BeTrue();
        rules.Current().RuleSet.Settings.WarnDays.Should().Be(3);
        rules.Current().RuleSet.Hash.Should().NotBe(before.Hash);
    }

    [Fact]
    public void Refresh_InvalidChange_RefusedPreviousKeepsServingAndRefusalIsStored()
    {
        var rules = _world.Get<RuleSetProvider>();
        var before = rules.Current().RuleSet;

        WriteSettings("""{ "warnDays": "soon" }""");

        rules.Refresh().Should().BeFalse();
        rules.Current().RuleSet.Should().BeSameAs(before);
        using var db = _world.Get<LedgerStore>().CreateDb();
        var refusal = db.RuleSetEvents.OrderBy(e => e.Id).ToList().Last();
        refusal.Outcome.Should().Be("refused");
        refusal.Label.Should().Be(before.Label);
        refusal.Problems.Should().Contain("settings.json");
    }

    [Fact]
    public void RunsList_AfterARefusal_SurfacesIt()
    {
        _world.Get<RuleSetProvider>().Current();
        WriteSettings("""{ "warnDays": "soon" }""");
        _world.Get<RuleSetProvider>().Refresh();

        var outcome = Cli.Run("runs", "list", "--home", _world.Home, "--rules", _world.Rules);

        outcome.ShouldExit(ExitCode.Completed);
        outcome.Stdout.Should().Contain("规则集被拒绝").And.Contain("settings.json");
    }

    private void WriteSettings(string json)
    {
        var path = Path.Combine(_world.Rules, "settings.json");
        File.WriteAllText(path, json);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
    }
}
