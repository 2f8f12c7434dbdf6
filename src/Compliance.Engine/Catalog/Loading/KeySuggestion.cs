namespace Compliance.Engine.Catalog.Loading;

/// <summary>"Did you mean": the known name nearest to a misspelt one, if it is near enough to be a typo.</summary>
internal static class KeySuggestion
{
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            // Keys are case-sensitive, so a key that differs only in case is the likeliest typo of all.
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best is null)
        {
            return null;
        }
        var allowed = Math.Min(3, Math.Max(1, best.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The suffix "，是否应为 `x`？" when a suggestion exists, else empty.</summary>
    public static string Hint(string name, IEnumerable<string> known) =>
        Closest(name, known) is { } s ? $"，是否应为 `{s}`？" : "";

    // Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest typing slip.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
