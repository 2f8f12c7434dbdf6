using System.Text.RegularExpressions;

namespace Compliance.Host;

/// <summary>
/// The command-line parser's error messages in Chinese. Its zh-Hans resources translate only some of them; the
/// ones it leaves in English, which a user of the checker meets most (a required option left out, a value of the
/// wrong form), are put into Chinese here. Anything else is passed on as the parser wrote it.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Chinese(string message)
    {
        if (RequiredOption().Match(message) is { Success: true } required)
        {
            return $"缺少必填选项 {required.Groups[1].Value}";
        }
        if (CannotParseOption().Match(message) is { Success: true } badValue)
        {
            return $"选项 {badValue.Groups[2].Value} 的值“{badValue.Groups[1].Value}”格式不对";
        }
        if (SingleArgument().Match(message) is { Success: true } many)
        {
            return $"选项 {many.Groups[1].Value} 只能给一个值，给了 {many.Groups[2].Value} 个";
        }
        if (NotMatched().Match(message) is { Success: true } notMatched)
        {
            return $"“{notMatched.Groups[1].Value}”不是可用的命令或取值，是否想输入：{notMatched.Groups[2].Value.Trim()}";
        }
        return message;
    }

    [GeneratedRegex(@"^Option '(.+)' is required\.$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.+)' as expected type '.+'\.")]
    private static partial Regex CannotParseOption();

    [GeneratedRegex(@"^Option '(.+)' expects a single argument but (\d+) were provided\.$")]
    private static partial Regex SingleArgument();

    [GeneratedRegex(@"^'(.+)' was not matched\. Did you mean one of the following\?(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotMatched();
}
