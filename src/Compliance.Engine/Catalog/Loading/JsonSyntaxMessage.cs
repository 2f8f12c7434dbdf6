using System.Text.RegularExpressions;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>The reader's English syntax errors, said in Chinese for the rule author; unknown ones pass through.</summary>
internal static partial class JsonSyntaxMessage
{
    private static readonly (Regex Pattern, string Chinese)[] Known =
    [
        (new Regex(@"^After parsing a value an unexpected character was encountered: (.*)$"), "值后面出现意外的字符 $1，是否缺少逗号？"),
        (new Regex(@"^Unexpected end.*$"), "文件意外结束，是否有括号或引号没有闭合？"),
        (new Regex(@"^Invalid character after parsing property name\. Expected ':' but got: (.*)$"), "键名后面应为冒号，实际为 $1"),
        (new Regex(@"^Unterminated string.*$"), "字符串没有闭合的引号"),
        (new Regex(@"^Additional text encountered after finished reading JSON content: (.*)$"), "文档结束后还有多余的内容 $1"),
        (new Regex(@"^Property with the name '(.*)' already exists in the current JSON object$"), "键 `$1` 重复"),
        (new Regex(@"^Input string '(.*)' is not a valid (?:decimal|number|integer)$"), "无效的数字 $1"),
        (new Regex(@"^Cannot read NaN value$"), "无效的数字 NaN"),
        (new Regex(@"^Error parsing boolean value$"), "无效的值，布尔值应为 true 或 false"),
        (new Regex(@"^Error parsing (?:null|undefined) value$"), "无效的值"),
        (new Regex(@"^Unexpected character encountered while parsing value: (.*)$"), "解析值时遇到意外的字符 $1"),
        (new Regex(@"^Invalid property identifier character: (.*)$"), "键名处出现无效的字符 $1"),
        (new Regex(@"^The reader's MaxDepth of (\d+) has been exceeded$"), "嵌套超过 $1 层"),
    ];

    /// <summary>The message without Newtonsoft's trailing " Path 'x', line 3, position 6." (the position is reported apart).</summary>
    public static string Translate(string message)
    {
        var bare = PathSuffix().Replace(message, "").TrimEnd('.', ' ');
        foreach (var (pattern, chinese) in Known)
        {
            if (pattern.IsMatch(bare))
            {
                return pattern.Replace(bare, chinese);
            }
        }
        return bare;
    }

    [GeneratedRegex(@"(?: Path '.*?')?,? line \d+, position \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathSuffix();
}
