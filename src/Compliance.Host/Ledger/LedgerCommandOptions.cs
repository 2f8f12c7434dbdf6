using System.CommandLine;

namespace Compliance.Host.Ledger;

/// <summary>The options every ledger command shares: which home folder, which rules, which settings file.</summary>
internal sealed class LedgerCommandOptions
{
    public Option<string?> Home { get; } = new("--home") { Description = "主机目录（ledger.db、inbox/ 等），默认取 appsettings.json 的 Ledger:Home", HelpName = "dir" };
    public Option<string?> Rules { get; } = new("--rules") { Description = "规则集目录，默认取 Ledger:Rules", HelpName = "dir" };
    public Option<string?> Config { get; } = new("--config") { Description = "额外的设置文件（JSON，覆盖 appsettings.json）", HelpName = "file" };

    public void AddTo(Command command)
    {
        command.Options.Add(Home);
        command.Options.Add(Rules);
        command.Options.Add(Config);
    }
}
