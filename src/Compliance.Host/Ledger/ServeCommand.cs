using System.CommandLine;
using Compliance.Host.Serve;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Ledger;

/// <summary><c>compliance serve</c>: the scheduled host, until stopped (Ctrl+C or SIGTERM).</summary>
internal static class ServeCommand
{
    public static Command Create(TimeProvider clock, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var command = new Command("serve", "运行定时主机：收取 inbox 数据、每日复核、推送预警、督办和日报");
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = LedgerConfiguration.Build(parse.GetValue(shared.Config), parse.GetValue(shared.Home), parse.GetValue(shared.Rules));
            IHost host;
            try
            {
                host = ServeHost.Build(configuration, clock);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"无法准备主机目录：{e.Message}");
                return ExitCode.NothingJudged;
            }
            using (host)
            {
                try
                {
                    await host.RunAsync(cancellationToken);
                }
                catch (OptionsValidationException e)
                {
                    stderr.WriteLine("设置有误：");
                    foreach (var failure in e.Failures)
                    {
                        stderr.WriteLine($"  {failure}");
                    }
                    return ExitCode.NothingJudged;
                }
                catch (InvalidOperationException e) when (e.Message.StartsWith("规则集", StringComparison.Ordinal))
                {
                    stderr.WriteLine(e.Message);
                    return ExitCode.NothingJudged;
                }
            }
            return ExitCode.Completed;
        });
        return command;
    }
}
