using System.CommandLine;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Compliance.Host.Serve;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Ledger;

/// <summary>The ledger's services for one command, with the same settings and validation as <c>serve</c>.</summary>
internal sealed class LedgerSession(ServiceProvider services) : IDisposable
{
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>Null (with the problems on stderr) when the settings are invalid or the ledger cannot be opened.</summary>
    public static LedgerSession? Open(ParseResult parse, LedgerCommandOptions options, TimeProvider clock, TextWriter stderr)
    {
        var configuration = LedgerConfiguration.Build(parse.GetValue(options.Config), parse.GetValue(options.Home), parse.GetValue(options.Rules));
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddLedger(configuration, clock)
            .BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<LedgerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            _ = services.GetRequiredService<IOptions<EscalationOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            _ = services.GetRequiredService<LedgerStore>();
            return new LedgerSession(services);
        }
        catch (OptionsValidationException e)
        {
            stderr.WriteLine("设置有误：");
            foreach (var failure in e.Failures)
            {
                stderr.WriteLine($"  {failure}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            stderr.WriteLine($"无法打开台账：{e.Message}");
        }
        services.Dispose();
        return null;
    }

    /// <summary>
    /// Opens the ledger for a command that only looks at it and runs <paramref name="look"/> on a context of its
    /// own; <see cref="ExitCode.NothingJudged"/> when the ledger cannot be opened (the reason is on stderr).
    /// </summary>
    public static int Look(ParseResult parse, LedgerCommandOptions options, TimeProvider clock, TextWriter stderr, Func<LedgerDb, int> look)
    {
        using var session = Open(parse, options, clock, stderr);
        if (session is null)
        {
            return ExitCode.NothingJudged;
        }
        using var db = session.Get<LedgerStore>().CreateDb();
        return look(db);
    }

    public void Dispose() => services.Dispose();
}
