namespace Compliance.Engine.Catalog;

/// <summary>The wire names of severities (findings.md) and their Chinese labels.</summary>
public static class SeverityNames
{
    public static string ToCode(this Severity s) => s switch
    {
        Severity.Warning => "warning",
        Severity.Yellow => "yellow",
        Severity.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static string ToChinese(this Severity s) => s switch
    {
        Severity.Warning => "预警",
        Severity.Yellow => "黄牌",
        Severity.Red => "红牌",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text)
        {
            case "warning": severity = Severity.Warning; return true;
            case "yellow": severity = Severity.Yellow; return true;
            case "red": severity = Severity.Red; return true;
            default: severity = default; return false;
        }
    }
}
