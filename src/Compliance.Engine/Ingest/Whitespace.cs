using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// <see cref="char.IsWhiteSpace(char)"/> and the trims built on it, answering without a Unicode table lookup for
/// printable ASCII and for everything above U+3000 (CJK text), which are never white space: a feed value starts
/// and ends with such characters almost always, and every field of millions of rows is trimmed.
/// </summary>
internal static class Whitespace
{
    /// <summary>The same answer as <see cref="char.IsWhiteSpace(char)"/> for every char.</summary>
    public static bool Is(char c) =>
        c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') : c >= '\u007F' && c <= '\u3000' && char.IsWhiteSpace(c);

    /// <summary>The same as <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/>.</summary>
    /// <remarks>
    /// Inlined into the per-field reads: nearly every value starts and ends with a char that is plainly not white
    /// space, and then the value is returned after two compares, without a call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s) =>
        s.IsEmpty || (IsPlainlyNot(s[0]) && IsPlainlyNot(s[^1])) ? s : TrimEnds(s);

    /// <summary>Printable ASCII or above U+3000: never white space, told without a table lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainlyNot(char c) => c > ' ' && (c < '\u007F' || c > '\u3000');

    private static ReadOnlySpan<char> TrimEnds(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && Is(s[start]))
        {
            start++;
        }
        var end = s.Length;
        while (end > start && Is(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }

    /// <summary>True when every char is white space (also for an empty span).</summary>
    public static bool All(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!Is(c))
            {
                return false;
            }
        }
        return true;
    }
}
