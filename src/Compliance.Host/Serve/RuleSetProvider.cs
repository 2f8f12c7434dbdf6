using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Compliance.Rules.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Serve;

/// <summary>
/// The rule set the host judges with, reloaded when the rules folder changes. A changed folder is loaded and
/// compiled whole before it replaces the previous one in a single reference swap, so a run sees either the old
/// rule set or the new one; a folder that is refused leaves the previous one serving, and the refusal is logged
/// and stored (shown by <c>compliance runs list</c>).
/// </summary>
internal sealed class RuleSetProvider(IOptions<LedgerOptions> options, LedgerStore store, TimeProvider clock, ILogger<RuleSetProvider> log)
{
    private readonly Lock _gate = new();
    private Loaded? _current;
    private string? _lastTried;

    public sealed record Loaded(RuleSet RuleSet, Checker Checker);

    public string Directory => Path.GetFullPath(options.Value.Rules);

    /// <summary>The rule set to judge with; throws when no rule set was ever accepted.</summary>
    public Loaded Current() =>
        TryCurrent() ?? throw new InvalidOperationException($"规则集 {Directory} 未能加载，无法判断；见日志或 compliance runs list。");

    /// <summary>As <see cref="Current"/>, but null when no rule set was ever accepted (the refusal is logged by then).</summary>
    public Loaded? TryCurrent()
    {
        Refresh();
        return Volatile.Read(ref _current);
    }

    /// <summary>Loads the folder if it changed since the last attempt; true when a new rule set was swapped in.</summary>
    public bool Refresh()
    {
        lock (_gate)
        {
            var stamp = StampOf(Directory);
            if (stamp == _lastTried)
            {
                return false;
            }
            _lastTried = stamp;
            try
            {
                var ruleSet = RuleSetLoader.Load(Directory);
                var loaded = new Loaded(ruleSet, Checker.Create(ruleSet));
                Volatile.Write(ref _current, loaded);
                log.LogInformation("Rule set {Label} loaded from {Directory}", ruleSet.Label, Directory);
                Record("loaded", ruleSet.Label, "");
                return true;
            }
            catch (Exception e) when (e is RuleSetException or IOException or UnauthorizedAccessException)
            {
                var problems = e is RuleSetException r ? string.Join("\n", r.Problems.Select(p => p.ToString())) : e.Message;
                var keeping = Volatile.Read(ref _current)?.RuleSet.Label;
                log.LogError("Rule set in {Directory} refused; {Keeping} keeps serving. Problems:\n{Problems}",
                    Directory, keeping ?? "no rule set", problems);
                Record("refused", keeping ?? "", problems);
                return false;
            }
        }
    }

    private void Record(string outcome, string label, string problems)
    {
        using var db = store.CreateDb();
        db.RuleSetEvents.Add(new RuleSetEventRow { At = clock.GetUtcNow(), Outcome = outcome, Label = label, Problems = problems });
        db.SaveChanges();
    }

    // Path, size and modification time of every file: cheap enough to take before every run, and any edit changes it.
    private static string StampOf(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return "missing";
        }
        var files = System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{Path.GetRelativePath(directory, f.FullName)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
        return string.Join("\n", files);
    }
}
