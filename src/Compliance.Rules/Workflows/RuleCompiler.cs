using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Ingest;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Parser;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Compliance.Rules.Workflows;

/// <summary>
/// Compiles RulesEngine rules with the Dynamic LINQ parser RulesEngine uses, configured as RulesEngine configures it
/// (the same dialect and type allow-list authors test against), into typed delegates, eagerly, at load: a typo is a
/// load-time error with file, line and rule, never a silent <c>false</c> at run time.
/// </summary>
internal sealed partial class RuleCompiler
{
    internal static readonly Type[] CustomTypes =
    [
        typeof(CaseFacts), typeof(StageFacts), typeof(ChargeFacts), typeof(CalendarHelpers), typeof(CatalogHelpers),
        typeof(Settings), typeof(Item), typeof(Fee), typeof(FeePeriod), typeof(StageLimit), typeof(Unit),
        typeof(CaseRecord), typeof(ChargeRecord), typeof(StageRecord), typeof(FeeStatus), typeof(LimitUnit), typeof(CaseStatus),
    ];

    /// <summary>What a parser message may name a member of: the facts, helpers and the few system types allowed.</summary>
    private static readonly Type[] VisibleTypes =
    [
        .. CustomTypes, typeof(string), typeof(DateOnly), typeof(decimal), typeof(int), typeof(Math), typeof(Enumerable),
    ];

    // What RulesEngine's RuleExpressionParser.Parse configures (6.0.1), with the type list built without a scan of
    // every loaded assembly (RuleTypeProvider); the parser and its dialect are the same.
    private readonly ParsingConfig _config = new()
    {
        CustomTypeProvider = new RuleTypeProvider(CustomTypes),
        IsCaseSensitive = new ReSettings().IsExpressionCaseSensitive,
    };

    private readonly List<Expression> _parsed = [];

    public CompiledRule<TFacts>? Compile<TFacts>(RuleSource source, Settings settings, List<RuleSetProblem> problems)
    {
        var rule = source.Rule;
        var name = rule.RuleName;
        var recordParam = Expression.Parameter(typeof(TFacts), source.Kind.RecordParameter());
        var scopeParam = Expression.Parameter(typeof(RuleScope), "scope");
        var cal = Expression.Parameter(typeof(CalendarHelpers), "cal");
        var catalog = Expression.Parameter(typeof(CatalogHelpers), "catalog");
        var settingsParam = Expression.Parameter(typeof(Settings), "settings");
        var asOf = Expression.Parameter(typeof(DateOnly), "asOf");
        var variables = new List<ParameterExpression> { cal, catalog, settingsParam, asOf };
        var prologue = new List<Expression>
        {
            Expression.Assign(cal, Expression.Property(scopeParam, nameof(RuleScope.Cal))),
            Expression.Assign(catalog, Expression.Property(scopeParam, nameof(RuleScope.Catalog))),
            Expression.Assign(settingsParam, Expression.Property(scopeParam, nameof(RuleScope.Settings))),
            Expression.Assign(asOf, Expression.Property(scopeParam, nameof(RuleScope.AsOf))),
        };
        var inScope = new List<ParameterExpression> { recordParam, cal, catalog, settingsParam, asOf };
        var errors = new List<CompileError>();
        _parsed.Clear();

        var globalTokens = source.WorkflowToken?["GlobalParams"] as JArray;
        var g = 0;
        foreach (var p in source.Workflow.GlobalParams ?? [])
        {
            AddScopedParam(p, "GlobalParams", globalTokens?.ElementAtOrDefault(g++) as JObject, inScope, variables, prologue, errors);
        }

        var body = BuildRuleBody(rule, source.Token, "", inScope, variables, errors);
        var propertyTokens = source.Token?["Properties"] as JObject;
        Func<TFacts, RuleScope, DateOnly?>? occurredOn = null;
        var properties = rule.Properties ?? [];
        if (properties.TryGetValue("occurredOn", out var occurredText) && occurredText is not null)
        {
            var occurredToken = propertyTokens?["occurredOn"];
            var occurredBody = Parse(occurredText.ToString()!, inScope, null, errors, "Properties.occurredOn", occurredToken);
            if (occurredBody is not null)
            {
                if (occurredBody.Type != typeof(DateOnly) && occurredBody.Type != typeof(DateOnly?))
                {
                    errors.Add(new CompileError("Properties.occurredOn", $"应为日期表达式，而不是 {occurredBody.Type.Name}", occurredToken, null));
                }
                else
                {
                    occurredOn = Lambda<TFacts, DateOnly?>(Expression.Convert(occurredBody, typeof(DateOnly?)), recordParam, scopeParam, variables, prologue);
                }
            }
        }

        var messageParts = new List<MessagePart<TFacts>>();
        if (!source.BuiltIn && !string.IsNullOrEmpty(rule.ErrorMessage))
        {
            var text = rule.ErrorMessage;
            var last = 0;
            foreach (Match m in Interpolation().Matches(text))
            {
                var partBody = Parse(m.Groups[1].Value, inScope, null, errors, "ErrorMessage", source.Token?["ErrorMessage"], m.Groups[1].Index);
                var literal = text[last..m.Index];
                last = m.Index + m.Length;
                if (partBody is not null)
                {
                    var value = Lambda<TFacts, object?>(Expression.Convert(partBody, typeof(object)), recordParam, scopeParam, variables, prologue);
                    messageParts.Add(new MessagePart<TFacts>(literal, value));
                }
            }
            messageParts.Add(new MessagePart<TFacts>(text[last..], null));
        }

        // An unknown severity is reported by WorkflowReader at its value; here it only must not make the rule red.
        var severity = Severity.Red;
        var severityKnown = !(properties.TryGetValue("severity", out var sev) && sev is not null && !SeverityNames.TryParse(sev.ToString(), out severity));
        var basis = properties.TryGetValue("basis", out var b) ? b?.ToString() ?? "" : "";
        var template = source.BuiltIn && properties.TryGetValue("message", out var msg) ? msg?.ToString() : null;

        if (source.BuiltIn && settings.Checks.TryGetValue(name, out var over))
        {
            severity = over.Severity ?? severity;
            basis = over.Basis ?? basis;
            template = over.Message ?? template;
        }

        if (errors.Count > 0 || body is null || !severityKnown)
        {
            foreach (var e in errors.Distinct())
            {
                var at = source.PositionOf(e.At, e.Offset);
                var field = e.Field.Length == 0 ? "" : e.Field + " ";
                problems.Add(new RuleSetProblem(at.File, at.Line, at.Column, $"规则 {name}：{field}{e.Message}"));
            }
            return null;
        }

        return new CompiledRule<TFacts>
        {
            Source = source,
            Name = name,
            Severity = severity,
            MessageTemplate = template,
            ErrorMessage = messageParts,
            Basis = basis,
            MustHold = Lambda<TFacts, bool>(body, recordParam, scopeParam, variables, prologue),
            OccurredOn = occurredOn,
            UsesAsOf = _parsed.Any(e => ParameterFinder.Uses(e, asOf)),
        };
    }

    /// <param name="token">the rule's JSON object, walked alongside it to place errors</param>
    /// <param name="where">empty for the rule itself; "子规则 NAME 的 " for a child rule</param>
    private Expression? BuildRuleBody(Rule rule, JObject? token, string where, List<ParameterExpression> inScope, List<ParameterExpression> variables, List<CompileError> errors)
    {
        var scope = new List<ParameterExpression>(inScope);
        var locals = new List<ParameterExpression>();
        var assigns = new List<Expression>();
        var localTokens = token?["LocalParams"] as JArray;
        var l = 0;
        foreach (var p in rule.LocalParams ?? [])
        {
            AddScopedParam(p, where + "LocalParams", localTokens?.ElementAtOrDefault(l++) as JObject, scope, locals, assigns, errors);
        }

        Expression? body;
        if (!string.IsNullOrWhiteSpace(rule.Expression))
        {
            body = Parse(rule.Expression, scope, typeof(bool), errors, where + "Expression", token?["Expression"]);
        }
        else
        {
            body = null;
            var or = rule.Operator is "Or" or "OrElse";
            var failed = false;
            var childTokens = token?["Rules"] as JArray;
            var i = 0;
            foreach (var child in rule.Rules ?? [])
            {
                // A switched-off child is compiled all the same (its typos are found now) and left out of the body.
                var c = BuildRuleBody(child, childTokens?.ElementAtOrDefault(i++) as JObject, $"子规则 {child.RuleName} 的 ", scope, variables, errors);
                failed |= c is null;
                if (c is null || !child.Enabled)
                {
                    continue;
                }
                body = body is null ? c : or ? Expression.OrElse(body, c) : Expression.AndAlso(body, c);
            }
            if (failed)
            {
                return null;
            }
            body ??= Expression.Constant(true);
        }
        if (body is null)
        {
            return null;
        }
        return locals.Count == 0 ? body : Expression.Block(typeof(bool), locals, [.. assigns, body]);
    }

    private void AddScopedParam(ScopedParam p, string field, JObject? token, List<ParameterExpression> scope, List<ParameterExpression> variables, List<Expression> assigns, List<CompileError> errors)
    {
        if (string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Expression))
        {
            errors.Add(new CompileError(field, "参数需要 Name 和 Expression", token, null));
            return;
        }
        var value = Parse(p.Expression, scope, null, errors, $"{field} 参数 {p.Name}", token?["Expression"]);
        if (value is null)
        {
            return;
        }
        var v = Expression.Variable(value.Type, p.Name);
        variables.Add(v);
        scope.Add(v);
        assigns.Add(Expression.Assign(v, value));
    }

    /// <param name="at">the JSON string holding the expression</param>
    /// <param name="offset">where the expression starts in that string (an <c>ErrorMessage</c>'s <c>$(…)</c>)</param>
    private Expression? Parse(string expression, List<ParameterExpression> scope, Type? returnType, List<CompileError> errors, string field, JToken? at, int offset = 0)
    {
        if (ExpressionNesting.FirstTooDeep(expression) is { } tooDeep)
        {
            errors.Add(new CompileError(field, $"无法编译：括号嵌套超过 {ExpressionNesting.MaxDepth} 层，请拆成 LocalParams（第 {tooDeep + 1} 个字符处）", at, offset + tooDeep));
            return null;
        }
        Expression body;
        try
        {
            body = new ExpressionParser([.. scope], expression, [], _config).Parse(returnType, true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var position = Position(ex);
            var message = ParserMessage.Translate(ex.Message, VisibleTypes, scope.Select(p => p.Name!));
            var where = position is { } p ? $"，第 {p + 1} 个字符处" : "";
            errors.Add(new CompileError(field, $"无法编译：{message}（表达式 \"{expression}\"{where}）", at, offset + (position ?? 0)));
            return null;
        }
        _parsed.Add(body);
        var violations = ExpressionSandbox.Inspect(body);
        if (violations.Count > 0)
        {
            errors.Add(new CompileError(field, $"被拒绝：{string.Join("；", violations.Distinct())}（表达式 \"{expression}\"）", at, offset));
            return null;
        }
        return body;
    }

    /// <summary>Where in the expression Dynamic LINQ stopped, when it says.</summary>
    private static int? Position(Exception ex) => ex is ParseException { Position: >= 0 } parse ? parse.Position : null;

    private static Func<TFacts, RuleScope, TResult> Lambda<TFacts, TResult>(
        Expression body, ParameterExpression record, ParameterExpression scope, List<ParameterExpression> variables, List<Expression> prologue)
    {
        var block = Expression.Block(typeof(TResult), variables, [.. prologue, body]);
        return Expression.Lambda<Func<TFacts, RuleScope, TResult>>(block, record, scope).Compile();
    }

    [GeneratedRegex(@"\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)")]
    private static partial Regex Interpolation();
}
