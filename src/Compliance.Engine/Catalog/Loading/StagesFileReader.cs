using Compliance.Engine.Ingest;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>stages.json: key-project stage limits, prerequisites and stage-name aliases.</summary>
internal static class StagesFileReader
{
    public const string FileName = "stages.json";

    private static readonly string[] RootKeys = ["$schema", "stages", "prerequisites", "aliases"];
    private static readonly string[] EntryKeys = ["stage", "type", "limit", "unit", "warnDays", "basis"];
    private static readonly string[] UnitCodes = ["working", "calendar"];

    private static readonly string[] StageNames = [.. StageCatalog.CanonicalNames.Keys, .. StageCatalog.CanonicalNames.Values];

    /// <summary>
    /// The catalogue; with no file, one without limits, prerequisites or aliases (rule-files.md gives no defaults
    /// for stages, so no stage clock is judged). Null when the file could not be read at all.
    /// </summary>
    public static StageCatalog? Read(JsonSource? source, ProblemLog log)
    {
        if (source is null)
        {
            return new StageCatalog([], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());
        }
        var root = JsonFields.Of(source, source.Root, log, "stages.json 的根");
        if (root is null)
        {
            return null;
        }
        root.CheckKeys(RootKeys);
        var limits = ReadLimits(source, root, log);
        var prerequisites = root.ObjectField("prerequisites") is { } p ? ReadPrerequisites(source, p, log) : [];
        var aliases = root.ObjectField("aliases") is { } a ? ReadAliases(source, a, log) : [];
        return new StageCatalog(limits, prerequisites, aliases);
    }

    /// <summary>The canonical Chinese name for a Chinese or English stage name (English in any case), or null.</summary>
    private static string? Canonical(string name)
    {
        if (StageCatalog.CanonicalNames.ContainsKey(name))
        {
            return name;
        }
        foreach (var (zh, en) in StageCatalog.CanonicalNames)
        {
            if (string.Equals(en, name, StringComparison.OrdinalIgnoreCase))
            {
                return zh;
            }
        }
        return null;
    }

    private static string UnknownStage(string name) =>
        $"未知环节 `{name}`，应为 立项、规划、环评、用地、建设 或其英文名{KeySuggestion.Hint(name, StageNames)}";

    private static List<StageLimit> ReadLimits(JsonSource source, JsonFields root, ProblemLog log)
    {
        var limits = new List<StageLimit>();
        var firstSeen = new Dictionary<(string, string?), SourcePosition>();
        foreach (var element in root.Array("stages") ?? [])
        {
            var fields = JsonFields.Of(source, element, log, "环节时限");
            if (fields is null)
            {
                continue;
            }
            fields.CheckKeys(EntryKeys);
            var name = fields.String("stage", required: true);
            var type = fields.String("type");
            var limit = fields.Int("limit", min: 0);
            var unit = fields.OneOf("unit", UnitCodes);
            var warnDays = fields.Int("warnDays", min: 0);
            var basis = fields.String("basis");
            if (name is null)
            {
                continue;
            }
            var stage = Canonical(name);
            if (stage is null)
            {
                log.Error(fields.ValuePositionOf("stage"), UnknownStage(name));
                continue;
            }
            if (firstSeen.TryGetValue((stage, type), out var first))
            {
                var what = type is null ? $"`{stage}`（不分类型）" : $"`{stage}` / `{type}`";
                log.Error(fields.Position, $"环节时限 {what} 重复（首次出现于 {first}）");
                continue;
            }
            firstSeen[(stage, type)] = fields.Position;
            limits.Add(new StageLimit
            {
                Stage = stage,
                Type = type,
                Limit = limit,
                Unit = unit == "calendar" ? LimitUnit.Calendar : LimitUnit.Working,
                WarnDays = warnDays,
                Basis = basis,
            });
        }
        return limits;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadPrerequisites(JsonSource source, JsonFields fields, ProblemLog log)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var keyAt = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var property in fields.Object.Properties())
        {
            var at = source.PositionOf(property);
            var stage = Canonical(property.Name);
            if (stage is null)
            {
                log.Error(at, UnknownStage(property.Name));
            }
            else if (keyAt.TryGetValue(stage, out var first))
            {
                log.Error(at, $"`prerequisites` 中环节 `{stage}` 重复（首次出现于 {first}）");
                stage = null;
            }
            if (property.Value is not JArray array)
            {
                log.Error(source.PositionOf(property.Value), $"`prerequisites.{property.Name}` 应为环节名称的数组，实际为{JsonFields.TypeName(property.Value)}");
                continue;
            }
            var before = new List<string>();
            foreach (var element in array)
            {
                var elementAt = source.PositionOf(element);
                if (element.Type != JTokenType.String)
                {
                    log.Error(elementAt, $"`prerequisites.{property.Name}` 的元素应为环节名称，实际为{JsonFields.TypeName(element)}");
                    continue;
                }
                var name = (string)element!;
                var required = Canonical(name);
                if (required is null)
                {
                    log.Error(elementAt, $"`prerequisites.{property.Name}` 中的{UnknownStage(name)}");
                }
                else if (required == stage)
                {
                    log.Error(elementAt, $"环节 `{stage}` 不能以它自己为前置环节");
                }
                else if (!before.Contains(required))
                {
                    before.Add(required);
                }
            }
            if (stage is not null)
            {
                keyAt[stage] = at;
                result[stage] = before;
            }
        }
        foreach (var (stage, at) in keyAt)
        {
            if (InCycle(result, stage))
            {
                log.Error(at, $"`prerequisites` 成环：环节 `{stage}` 经前置环节又回到它自己，任何一个都无法先开始");
            }
        }
        return result;
    }

    private static bool InCycle(Dictionary<string, IReadOnlyList<string>> prerequisites, string stage)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(prerequisites.TryGetValue(stage, out var first) ? first : []);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == stage)
            {
                return true;
            }
            if (seen.Add(next) && prerequisites.TryGetValue(next, out var more))
            {
                foreach (var m in more)
                {
                    pending.Push(m);
                }
            }
        }
        return false;
    }

    private static Dictionary<string, string> ReadAliases(JsonSource source, JsonFields fields, ProblemLog log)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        // StageCatalog resolves names ignoring case, so two aliases that differ only in case are one alias.
        var seen = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in fields.Object.Properties())
        {
            var at = source.PositionOf(property);
            var alias = property.Name.Trim();
            if (alias.Length == 0)
            {
                log.Error(at, "别名不能为空");
                continue;
            }
            if (Canonical(alias) is not null)
            {
                log.Error(at, $"别名 `{alias}` 本身就是环节名称，不能再作别名");
                continue;
            }
            if (seen.TryGetValue(alias, out var first))
            {
                log.Error(at, $"别名 `{alias}` 重复（不区分大小写；首次出现于 {first}）");
                continue;
            }
            seen[alias] = at;
            if (property.Value.Type != JTokenType.String)
            {
                log.Error(source.PositionOf(property.Value), $"别名 `{alias}` 应指向一个环节名称，实际为{JsonFields.TypeName(property.Value)}");
                continue;
            }
            var target = (string)property.Value!;
            var stage = Canonical(target);
            if (stage is null)
            {
                log.Error(source.PositionOf(property.Value), $"别名 `{alias}` 指向{UnknownStage(target)}");
                continue;
            }
            result[alias] = stage;
        }
        return result;
    }
}
