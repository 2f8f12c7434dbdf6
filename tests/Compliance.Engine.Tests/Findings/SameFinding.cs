using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

/// <summary>
/// Whether two findings are the same down to the types of their evidence values and the scale of every decimal,
/// which equality of values alone would not show.
/// </summary>
internal static class SameFinding
{
    public static void Should(Finding actual, Finding expected, string because)
    {
        actual.Should().BeEquivalentTo(expected, o => o.Excluding(f => f.Evidence), because);
        Describe(actual.Evidence).Should().Be(Describe(expected.Evidence), because);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        Evidence e => "{" + string.Join(",", e.Select(p => $"{p.Key}={Describe(p.Value)}")) + "}",
        decimal d => $"decimal({string.Join(",", decimal.GetBits(d))})",
        string s => $"string({s})",
        List<object?> list => "[" + string.Join(",", list.Select(Describe)) + "]",
        _ => $"{value.GetType().Name}({value})",
    };
}
