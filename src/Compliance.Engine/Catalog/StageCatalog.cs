namespace Compliance.Engine.Catalog;

/// <summary>stages.json: limits, prerequisites and stage-name aliases.</summary>
public sealed class StageCatalog
{
    /// <summary>The five canonical stages and their English names (feeds.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> CanonicalNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["立项"] = "approval",
        ["规划"] = "planning",
        ["环评"] = "eia",
        ["用地"] = "land",
        ["建设"] = "construction",
    };

    private readonly Dictionary<(string Stage, string? Type), StageLimit> _limits;
    private readonly Dictionary<string, string> _names;

    public StageCatalog(
        IReadOnlyList<StageLimit> limits,
        IReadOnlyDictionary<string, IReadOnlyList<string>> prerequisites,
        IReadOnlyDictionary<string, string> aliases)
    {
        Limits = limits;
        Prerequisites = prerequisites;
        Aliases = aliases;
        _limits = limits.ToDictionary(l => (l.Stage, l.Type));
        _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (zh, en) in CanonicalNames)
        {
            _names[zh] = zh;
            _names[en] = zh;
        }
        foreach (var (alias, stage) in aliases)
        {
            _names[alias] = stage;
        }
    }

    public IReadOnlyList<StageLimit> Limits { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Prerequisites { get; }
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>The canonical stage for a name, an English name or a declared alias.</summary>
    public bool TryResolve(string name, out string stage)
    {
        if (_names.TryGetValue(name.Trim(), out var s))
        {
            stage = s;
            return true;
        }
        stage = "";
        return false;
    }

    /// <summary>The entry with the stage and type, else with the stage and no type, else none.</summary>
    public StageLimit? LimitFor(string stage, string? type)
    {
        if (!string.IsNullOrEmpty(type) && _limits.TryGetValue((stage, type), out var typed))
        {
            return typed;
        }
        return _limits.TryGetValue((stage, null), out var untyped) ? untyped : null;
    }

    public IReadOnlyList<string> PrerequisitesOf(string stage) =>
        Prerequisites.TryGetValue(stage, out var p) ? p : [];
}
