using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Compliance.Host;

/// <summary>The <c>--as-of</c> option shared by commands: a YYYY-MM-DD date, or today in Asia/Shanghai when absent.</summary>
internal static class CliDates
{
    public static Option<DateOnly?> AsOfOption(string description) => new("--as-of")
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = Parse,
    };

    public static DateOnly? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        result.AddError($"--as-of 应为 YYYY-MM-DD 格式的日期，收到“{text}”。");
        return null;
    }
}
