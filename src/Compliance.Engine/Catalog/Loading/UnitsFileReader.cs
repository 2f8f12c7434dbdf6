using System.Text.RegularExpressions;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>units.json: the responsible units 责任单位 and where their alerts go.</summary>
internal static partial class UnitsFileReader
{
    public const string FileName = "units.json";

    private static readonly string[] RootKeys = ["$schema", "units"];
    private static readonly string[] UnitKeys = ["code", "name", "parent", "contacts"];
    private static readonly string[] ContactKeys = ["email", "webhook"];

    /// <summary>The units by code; empty when the file is absent, null when it could not be read at all.</summary>
    public static Dictionary<string, Unit>? Read(JsonSource? source, ProblemLog log)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        if (source is null)
        {
            return units;
        }
        var root = JsonFields.Of(source, source.Root, log, "units.json 的根");
        if (root is null)
        {
            return null;
        }
        root.CheckKeys(RootKeys);
        var firstSeen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var parents = new List<(string Code, Located<string> Parent)>();
        foreach (var element in root.Array("units", required: true) ?? [])
        {
            var fields = JsonFields.Of(source, element, log, "单位");
            if (fields is null)
            {
                continue;
            }
            fields.CheckKeys(UnitKeys);
            var code = fields.String("code", required: true);
            var name = fields.String("name", required: true);
            var parent = fields.String("parent");
            string? email = null, webhook = null;
            if (fields.ObjectField("contacts") is { } contacts)
            {
                contacts.CheckKeys(ContactKeys);
                email = contacts.String("email");
                webhook = contacts.String("webhook");
                if (email is not null && !EmailPattern().IsMatch(email))
                {
                    log.Error(contacts.ValuePositionOf("email"), $"`email` 不是有效的邮箱地址：\"{email}\"");
                }
                if (webhook is not null && !IsHttpUrl(webhook))
                {
                    log.Error(contacts.ValuePositionOf("webhook"), $"`webhook` 应为 http 或 https 的完整网址：\"{webhook}\"");
                }
            }
            if (code is null || name is null)
            {
                continue;
            }
            if (firstSeen.TryGetValue(code, out var first))
            {
                log.Error(fields.ValuePositionOf("code"), $"单位代码 `{code}` 重复（首次出现于 {first}）");
                continue;
            }
            firstSeen[code] = fields.ValuePositionOf("code");
            if (parent is not null)
            {
                parents.Add((code, new Located<string>(parent, fields.ValuePositionOf("parent"))));
            }
            units[code] = new Unit { Code = code, Name = name, Parent = parent, Email = email, Webhook = webhook };
        }
        CheckParents(units, parents, log);
        return units;
    }

    private static void CheckParents(Dictionary<string, Unit> units, List<(string Code, Located<string> Parent)> parents, ProblemLog log)
    {
        var inCycle = UnitsInCycles(units);
        foreach (var (code, parent) in parents)
        {
            if (parent.Value == code)
            {
                log.Error(parent.At, $"单位 `{code}` 的上级不能是它自己");
            }
            else if (!units.ContainsKey(parent.Value))
            {
                log.Warning(parent.At, $"单位 `{code}` 的上级 `{parent.Value}` 不在 units.json 中");
            }
            else if (inCycle.Contains(code))
            {
                log.Error(parent.At, $"单位 `{code}` 的上级关系成环");
            }
        }
    }

    /// <summary>
    /// The units that reach themselves through their parents. Each unit has at most one parent, so one walk per
    /// unit that stops at any unit already walked finds every cycle in linear time: a long chain of units must
    /// not make validation quadratic.
    /// </summary>
    private static HashSet<string> UnitsInCycles(Dictionary<string, Unit> units)
    {
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in units.Keys)
        {
            path.Clear();
            onPath.Clear();
            var current = start;
            while (current is not null && !done.Contains(current) && units.TryGetValue(current, out var unit))
            {
                if (onPath.TryGetValue(current, out var from))
                {
                    inCycle.UnionWith(path.Skip(from));
                    break;
                }
                onPath[current] = path.Count;
                path.Add(current);
                current = unit.Parent;
            }
            done.UnionWith(path);
        }
        return inCycle;
    }

    private static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
