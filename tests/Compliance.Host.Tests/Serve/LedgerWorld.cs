using System.Text;
using Compliance.Host.Serve;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Tests.Serve;

/// <summary>
/// A host's world on disk for one test: a copy of the shipped rules whose units.json names three units
/// (office U00 ← U01 ← U0101) with contacts the test chooses, a home folder, and the ledger's services.
/// </summary>
internal sealed class LedgerWorld : IDisposable
{
    public const string Secret = "test-secret-0123456789";

    private readonly TimeProvider _clock;
    private readonly ILoggerProvider? _logs;
    private Lazy<ServiceProvider> _services;

    public LedgerWorld(TimeProvider clock, Func<string, string>? webhookFor = null, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        _logs = logs;
        Temp = new TempFolder();
        Rules = Temp.Sub("rules");
        Home = Temp.Sub("home");
        CopyFolder(Repository.Rules, Rules);
        File.WriteAllText(Path.Combine(Rules, "units.json"), UnitsJson(webhookFor ?? (u => $"http://127.0.0.1:9/{u}")), new UTF8Encoding(false));
        Settings = new Dictionary<string, string?>
        {
            ["Ledger:Home"] = Home,
            ["Ledger:Rules"] = Rules,
            ["Delivery:FileDrop:Enabled"] = "false",
            ["Delivery:Webhook:Secret"] = Secret,
            ["Delivery:Webhook:RetryDelayMilliseconds"] = "10",
            ["Delivery:Webhook:TimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
        _clock = clock;
        _services = new(Services);
    }

    public TempFolder Temp { get; }
    public string Rules { get; }
    public string Home { get; }
    public Dictionary<string, string?> Settings { get; }

    public T Get<T>() where T : notnull => _services.Value.GetRequiredService<T>();

    /// <summary>As if the host stopped and started again: the same home, fresh services, nothing kept in memory.</summary>
    public void Restart()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
        SqliteConnection.ClearAllPools();
        _services = new(Services);
    }

    /// <summary>Puts files in the current folder as accepted exports would be.</summary>
    public void PutCurrent(params string[] paths)
    {
        var current = Path.Combine(Home, "current");
        Directory.CreateDirectory(current);
        foreach (var path in paths)
        {
            File.Copy(path, Path.Combine(current, Path.GetFileName(path)), overwrite: true);
        }
    }

    /// <summary>Writes an export outside the home folder, as an office user would have it.</summary>
    public string Export(string name, string text) => Temp.Write(Path.Combine("exports", name), text);

    /// <summary>Hands files to the inbox processor as <c>compliance ingest</c> does.</summary>
    public IReadOnlyList<InboxFile> Ingest(params string[] paths) =>
        Get<InboxProcessor>().Accept(paths, "ingest", move: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Charges with a fee code outside the catalogue: each is one red fee.unknown finding for <paramref name="unit"/>.</summary>
    public static string UnknownFeeCharges(int count, string unit = "U0101", string date = "2025-11-03")
    {
        var text = new StringBuilder("缴款单号,办件编号,收费项目编码,收费项目名称,收费金额,收费时间,收费单位编码,缴款人类型\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"JK-{i:D4},,F99,测试费,100.00,{date},{unit},\n");
        }
        return text.ToString();
    }

    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
        SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }

    private ServiceProvider Services() => new ServiceCollection()
        .AddLogging(logging =>
        {
            if (_logs is not null)
            {
                logging.AddProvider(_logs);
            }
        })
        .AddLedger(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build(), _clock)
        .BuildServiceProvider();

    private static string UnitsJson(Func<string, string> webhookFor) => $$"""
        { "units": [
          { "code": "U00", "name": "市纪委监委效能监察室", "contacts": { "email": "u00@example.gov", "webhook": "{{webhookFor("U00")}}" } },
          { "code": "U01", "name": "市市场监督管理局", "parent": "U00", "contacts": { "email": "u01@example.gov", "webhook": "{{webhookFor("U01")}}" } },
          { "code": "U0101", "name": "城东区市场监督管理局", "parent": "U01", "contacts": { "email": "u0101@example.gov", "webhook": "{{webhookFor("U0101")}}" } }
        ] }
        """;

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
