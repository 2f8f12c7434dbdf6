namespace Compliance.Rules.Workflows;

/// <summary>
/// The expression parser descends once per bracket, on the caller's stack: a few thousand nested brackets overflow
/// it, and a stack overflow ends the process instead of refusing the rule. Nesting is therefore bounded before
/// parsing, far above anything a rule author writes.
/// </summary>
internal static class ExpressionNesting
{
    public const int MaxDepth = 100;

    /// <summary>The index of the first opening bracket deeper than <see cref="MaxDepth"/>, outside string and character literals; null when there is none.</summary>
    public static int? FirstTooDeep(string expression)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return i;
                    }
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return null;
    }
}
