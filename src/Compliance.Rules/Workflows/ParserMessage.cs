using System.Reflection;
using System.Text.RegularExpressions;
using Compliance.Engine.Catalog.Loading;

namespace Compliance.Rules.Workflows;

/// <summary>
/// Dynamic LINQ's English parse errors, said in Chinese for the rule author, with a "did you mean" for a
/// misspelt field, helper or name. A message not known here passes through after the Chinese ones.
/// </summary>
internal static partial class ParserMessage
{
    private const string Allowed = "规则只能使用 case/charge/stage、cal、catalog、settings、asOf 及 rules/README.md 列出的字段和方法";

    private static readonly (Regex Pattern, string Chinese)[] Known =
    [
        (new Regex(@"^Expression expected$"), "表达式不完整：此处缺少一个值或子表达式"),
        (new Regex(@"^Expression of type '(Boolean|Nullable`1)' expected$"), "表达式的结果应为 true 或 false（规则陈述必须成立的条件）"),
        (new Regex(@"^Expression of type '(.*)' expected$"), "此处应为 $1 类型的表达式"),
        (new Regex(@"^Syntax error '(.*)'$"), "语法错误：意外的 `$1`"),
        (new Regex(@"^Syntax error$"), "语法错误"),
        (new Regex(@"^Unterminated string literal$"), "字符串缺少结束的双引号"),
        (new Regex(@"^'(.*)' or '(.*)' expected$"), "此处应为 `$1` 或 `$2`"),
        (new Regex(@"^'(.*)' or operator expected$"), "此处应为 `$1` 或运算符，括号或引号可能没有配对"),
        (new Regex(@"^'(.*)' expected$"), "此处应为 `$1`"),
        (new Regex(@"^Identifier expected$"), "此处应为名称"),
        (new Regex(@"^Digit expected$"), "此处应为数字"),
        (new Regex(@"^Invalid (?:integer|real) literal '(.*)'$"), "无效的数字 `$1`"),
        (new Regex(@"^Invalid character '(.*)'$"), "无效的字符 `$1`"),
        (new Regex(@"^Type '(.*)' not found$"), "不能使用类型 `$1`。" + Allowed),
        (new Regex(@"^Operator '(.*)' incompatible with operand types '(.*)' and '(.*)'$"), "运算符 `$1` 不能用于 $2 和 $3"),
        (new Regex(@"^Operator '(.*)' incompatible with operand type '(.*)'$"), "运算符 `$1` 不能用于 $2"),
        (new Regex(@"^Method '.*' not found on type '(?:System\.)?(.*)' or '(?:System\.)?(.*)'$"), "$1 与 $2 类型的值不能这样比较或运算，请核对两边的类型（如字符串须与字符串比较）"),
        (new Regex(@"^The binary operator (\w+) is not defined for the types '(?:System\.)?(.*)' and '(?:System\.)?(.*)'\.?$"), "运算符 $1 不能用于 $2 和 $3 类型的值，请核对两边的类型"),
        (new Regex(@"^A value of type '(.*)' cannot be converted to type '(.*)'$"), "$1 类型的值不能转换为 $2"),
        (new Regex(@"^Ambiguous invocation of method '(.*)' in type '(.*)'$"), "对 $2 的方法 `$1` 的调用有歧义，请写明参数类型（如 600.00m）"),
        (new Regex(@"^Method '(.*)' on type '(.*)' is not accessible\.?$"), "不能调用 $2 的方法 `$1`。" + Allowed),
        (new Regex(@"^Methods on type '(.*)' are not accessible$"), "不能调用 $1 的方法。" + Allowed),
    ];

    [GeneratedRegex(@"^No property or field '(.*)' exists in type '(.*)'$")]
    private static partial Regex NoMember();

    [GeneratedRegex(@"^No applicable method '(.*)' exists in type '(.*)'$")]
    private static partial Regex NoMethod();

    [GeneratedRegex(@"^Unknown identifier '(.*)'$")]
    private static partial Regex UnknownName();

    /// <param name="message">the parser's message</param>
    /// <param name="types">the types an expression may see, to suggest a member of the one named</param>
    /// <param name="names">the names in scope (record, helpers, parameters), to suggest one for an unknown name</param>
    public static string Translate(string message, IEnumerable<Type> types, IEnumerable<string> names)
    {
        if (NoMember().Match(message) is { Success: true } m)
        {
            var type = m.Groups[2].Value;
            var members = Members(types, type, MemberTypes.Property | MemberTypes.Field);
            return $"{type} 没有字段或属性 `{m.Groups[1].Value}`{Suggest(m.Groups[1].Value, members)}{Allowed}";
        }
        if (NoMethod().Match(message) is { Success: true } n)
        {
            var type = n.Groups[2].Value;
            var name = n.Groups[1].Value;
            var methods = Members(types, type, MemberTypes.Method);
            return methods.Contains(name)
                ? $"{type} 的方法 `{name}` 没有接受这些参数的形式，请核对参数的个数和类型"
                : $"{type} 没有方法 `{name}`{Suggest(name, methods)}{Allowed}";
        }
        if (UnknownName().Match(message) is { Success: true } u)
        {
            return $"未知的名称 `{u.Groups[1].Value}`{Suggest(u.Groups[1].Value, names)}{Allowed}";
        }
        foreach (var (pattern, chinese) in Known)
        {
            if (pattern.IsMatch(message))
            {
                return pattern.Replace(message, chinese);
            }
        }
        return message;
    }

    /// <summary>"，是否应为 `x`？" when a known name is near enough to be meant, else the full stop before what follows.</summary>
    private static string Suggest(string name, IEnumerable<string> known) =>
        KeySuggestion.Closest(name, known) is { } s ? $"，是否应为 `{s}`？" : "。";

    private static HashSet<string> Members(IEnumerable<Type> types, string typeName, MemberTypes kinds) =>
        types.Where(t => t.Name == typeName)
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => (m.MemberType & kinds) != 0 && !(m is MethodInfo { IsSpecialName: true }))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
}
