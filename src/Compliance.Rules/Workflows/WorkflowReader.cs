using Compliance.Engine.Catalog;
using Compliance.Engine.Catalog.Loading;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Compliance.Rules.Workflows;

/// <summary>
/// Reads RulesEngine workflow JSON (one workflow or an array) keeping each rule's line and column, and checks
/// what Microsoft RulesEngine itself would only find late or never: unknown keys, unknown workflow names,
/// features this program does not run (actions, injected workflows).
/// </summary>
internal static class WorkflowReader
{
    private static readonly HashSet<string> WorkflowKeys = new(StringComparer.Ordinal)
    {
        "WorkflowName", "Rules", "GlobalParams", "RuleExpressionType", "Description",
    };

    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "RuleName", "Expression", "ErrorMessage", "Properties", "Enabled", "Operator", "Rules",
        "LocalParams", "RuleExpressionType", "SuccessEvent", "Description",
    };

    private static readonly HashSet<string> ParamKeys = new(StringComparer.Ordinal) { "Name", "Expression" };

    // RulesEngine lets Properties hold anything; here each key means something (rules/README.md), so a misspelt
    // one would silently turn a yellow rule red. Built-in rules also carry their message template there.
    private static readonly HashSet<string> CustomPropertyKeys = new(StringComparer.Ordinal) { "severity", "basis", "occurredOn" };

    private static readonly HashSet<string> BuiltInPropertyKeys = new(StringComparer.Ordinal) { "severity", "basis", "occurredOn", "message" };

    public static IReadOnlyList<RuleSource> Read(string file, string json, bool builtIn, List<RuleSetProblem> problems)
    {
        var log = new ProblemLog();
        var source = JsonSource.Parse(file, Encoding.UTF8.GetBytes(json), log);
        problems.AddRange(log.Sorted());
        if (source is null)
        {
            return [];
        }
        var root = source.Root;

        var workflows = root switch
        {
            JArray array => array.Children().ToList(),
            JObject obj => [obj],
            _ => [],
        };
        if (workflows.Count == 0 && root is not JArray)
        {
            Add(problems, source, root, "工作流文件应为一个工作流对象或工作流数组");
        }

        var rules = new List<RuleSource>();
        foreach (var token in workflows)
        {
            if (token is not JObject wf)
            {
                Add(problems, source, token, "工作流必须是 JSON 对象");
                continue;
            }
            CheckKeys(problems, source, wf, WorkflowKeys, "工作流");
            var name = wf["WorkflowName"]?.Type == JTokenType.String ? (string?)wf["WorkflowName"] : null;
            if (!WorkflowKinds.TryParse(name, out var kind))
            {
                Add(problems, source, wf["WorkflowName"] ?? wf,
                    $"WorkflowName 应为 \"cases\"、\"charges\" 或 \"stages\"（它判定的记录），而不是 \"{name}\"");
                continue;
            }
            Workflow workflow;
            try
            {
                workflow = wf.ToObject<Workflow>()!;
            }
            catch (JsonException ex)
            {
                Add(problems, source, wf, $"工作流 {name}：{ex.Message}");
                continue;
            }
            foreach (var p in wf["GlobalParams"] as JArray ?? [])
            {
                if (p is JObject po)
                {
                    CheckKeys(problems, source, po, ParamKeys, "参数");
                }
            }
            if (wf["Rules"] is not JArray ruleTokens || ruleTokens.Count == 0)
            {
                Add(problems, source, wf, $"工作流 {name} 没有 Rules");
                continue;
            }
            var ruleList = workflow.Rules.ToList();
            for (var i = 0; i < ruleTokens.Count; i++)
            {
                if (ruleTokens[i] is not JObject ro)
                {
                    Add(problems, source, ruleTokens[i], "规则必须是 JSON 对象");
                    continue;
                }
                CheckRule(problems, source, ro, builtIn ? BuiltInPropertyKeys : CustomPropertyKeys);
                var at = source.PositionOf(ro);
                rules.Add(new RuleSource(file, at.Line, at.Column, kind, workflow, ruleList[i], builtIn)
                {
                    Json = source,
                    Token = ro,
                    WorkflowToken = wf,
                });
            }
        }
        return rules;
    }

    private static void CheckRule(List<RuleSetProblem> problems, JsonSource source, JObject rule, HashSet<string> propertyKeys)
    {
        CheckKeys(problems, source, rule, RuleKeys, "规则");
        var name = (string?)rule["RuleName"];
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(problems, source, rule, "规则缺少 RuleName（它就是问题的代码）");
        }
        var hasExpression = rule["Expression"] is { Type: JTokenType.String };
        var hasChildren = rule["Rules"] is JArray { Count: > 0 };
        if (hasExpression == hasChildren)
        {
            Add(problems, source, rule, $"规则 {name}：应给出 Expression，或 Operator 加子规则 Rules，二者取一");
        }
        if (hasChildren && (string?)rule["Operator"] is not ("And" or "AndAlso" or "Or" or "OrElse"))
        {
            Add(problems, source, rule["Operator"] ?? rule, $"规则 {name}：Operator 只能是 And、AndAlso、Or 或 OrElse");
        }
        if (rule["Properties"] is JObject properties)
        {
            CheckKeys(problems, source, properties, propertyKeys, "属性（Properties）");
        }
        if (rule["Properties"] is JObject props && props["severity"] is { } sev
            && !(sev.Type == JTokenType.String && SeverityNames.TryParse((string?)sev, out _)))
        {
            Add(problems, source, sev, $"规则 {name}：severity 只能是 warning、yellow 或 red，而不是 {sev.ToString(Formatting.None)}");
        }
        foreach (var p in rule["LocalParams"] as JArray ?? [])
        {
            if (p is JObject po)
            {
                CheckKeys(problems, source, po, ParamKeys, "参数");
            }
        }
        foreach (var child in rule["Rules"] as JArray ?? [])
        {
            if (child is JObject co)
            {
                CheckRule(problems, source, co, propertyKeys);
            }
        }
    }

    private static void CheckKeys(List<RuleSetProblem> problems, JsonSource source, JObject obj, HashSet<string> known, string what)
    {
        foreach (var prop in obj.Properties())
        {
            if (prop.Name is "Actions" or "WorkflowsToInject" or "WorkflowRulesToInject")
            {
                Add(problems, source, prop, $"不支持 {prop.Name}：这里的规则只陈述必须成立的条件");
            }
            else if (!known.Contains(prop.Name))
            {
                Add(problems, source, prop, $"未知的{what}键 \"{prop.Name}\"{KeySuggestion.Hint(prop.Name, known)}");
            }
        }
    }

    private static void Add(List<RuleSetProblem> problems, JsonSource source, JToken token, string message)
    {
        var at = source.PositionOf(token);
        problems.Add(new RuleSetProblem(at.File, at.Line, at.Column, message));
    }
}
