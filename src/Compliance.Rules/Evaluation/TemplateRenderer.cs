using System.Globalization;
using System.Text;
using Compliance.Engine.Findings;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// Fills <c>{key}</c> placeholders of a message or basis template (settings.json may replace them) from the
/// finding's evidence. Unknown keys stay as written, so a typo shows in the output instead of vanishing.
/// </summary>
internal static class TemplateRenderer
{
    // A run renders two texts per finding, a hundred thousand findings on a large run: one builder per thread
    // rather than one per text.
    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Render(string template, TemplateValues values)
    {
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }
        var sb = t_builder ??= new StringBuilder(256);
        sb.Clear();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            if (values.TryGet(template.AsSpan(open + 1, close - open - 1), out var value))
            {
                sb.Append(Format(value));
            }
            else
            {
                sb.Append(template, open, close - open + 1);
            }
            i = close + 1;
        }
        return sb.ToString();
    }

    public static string Format(object? value) => value switch
    {
        null => "无",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        Evidence e => string.Join("，", e.Select(kv => $"{kv.Key}={Format(kv.Value)}")),
        System.Collections.IEnumerable list => string.Join("、", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
