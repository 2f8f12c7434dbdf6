using System.Runtime.CompilerServices;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// A look-up by code in a catalogue that remembers, per string instance, what it found. Reading shares one string
/// per distinct code (<c>StringPool</c>), so judging meets the same few instances millions of times: comparing the
/// reference spares hashing the text and comparing it with the dictionary's key. A code met as another instance
/// (a value too long to pool) is simply looked up. Not thread-safe: one per judging part.
/// </summary>
internal sealed class CodeMemo<T>(IReadOnlyDictionary<string, T> catalogue) where T : class
{
    // Direct-mapped: a few hundred distinct codes at most, so collisions are rare and cost only a look-up.
    private const int Slots = 256;

    private readonly string?[] _codes = new string?[Slots];
    private readonly T?[] _found = new T?[Slots];

    public T? Find(string code)
    {
        var slot = RuntimeHelpers.GetHashCode(code) & (Slots - 1);
        if (ReferenceEquals(_codes[slot], code))
        {
            return _found[slot];
        }
        var found = catalogue.GetValueOrDefault(code);
        _codes[slot] = code;
        _found[slot] = found;
        return found;
    }
}
