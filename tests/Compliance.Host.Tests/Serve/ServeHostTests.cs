using Compliance.Host.Serve;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Tests.Serve;

public sealed class ServeHostTests : IDisposable
{
    private readonly LedgerWorld _world = new(TimeProvider.System);

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("Schedule:Daily", "every morning")]
    [InlineData("Schedule:TimeZone", "Mars/Olympus")]
    [InlineData("Escalation:AcknowledgeDays", "0")]
    [InlineData("Delivery:Webhook:Enabled", "true")]
    public async Task Start_InvalidSetting_RefusedBeforeAnythingRuns(string key, string value)
    {
        var settings = new Dictionary<string, string?>(_world.Settings) { [key] = value };
        if (key == "Delivery:Webhook:Enabled")
        {
            settings["Delivery:Webhook:Secret"] = "";
        }
        using var host = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System);

        var start = () => host.StartAsync();

        await start.Should().ThrowAsync<OptionsValidationException>();
    }

    [Fact]
    public void Serve_InvalidCron_Exits2WithTheProblem()
    {
        var config = _world.Temp.Write("bad.json", """{ "Schedule": { "Daily": "at six" } }""");

        var outcome = Cli.Run("serve", "--home", _world.Home, "--rules", _world.Rules, "--config", config);

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("Schedule");
    }
}
