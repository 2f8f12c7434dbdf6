using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class CodeMemoTests
{
    [Fact]
    public void Find_KnownCode_ValueOfTheCatalogue()
    {
        var memo = new CodeMemo<string>(new CountingCatalogue(("F01", "fee one")));

        memo.Find("F01").Should().Be("fee one");
    }

    [Fact]
    public void Find_UnknownCode_Null()
    {
        var memo = new CodeMemo<string>(new CountingCatalogue(("F01", "fee one")));

        memo.Find("F02").Should().BeNull();
    }

    [Theory]
    [InlineData("F01", "fee one")]
    [InlineData("X99", null)]
    public void Find_SameInstanceAgain_NotLookedUpAgain(string text, string? value)
    {
        // An unknown code is remembered as unknown, as a known one is with its value.
        var catalogue = new CountingCatalogue(("F01", "fee one"));
        var memo = new CodeMemo<string>(catalogue);
        var code = new string(text);

        memo.Find(code);
        memo.Find(code).Should().Be(value);

        catalogue.LookUps.Should().Be(1);
    }

    [Fact]
    public void Find_EqualTextOtherInstance_LookedUpAndSameValue()
    {
        var catalogue = new CountingCatalogue(("F01", "fee one"));
        var memo = new CodeMemo<string>(catalogue);

        memo.Find(new string("F01"));
        memo.Find(new string("F01")).Should().Be("fee one");

        catalogue.LookUps.Should().Be(2);
    }

    [Fact]
    public void Find_ManyCodes_EachFindsItsOwnValue()
    {
        // More codes than the memo has slots, so that some share one: a shared slot must never answer for another code.
        var entries = Enumerable.Range(0, 1000).Select(i => ($"C{i:D4}", $"value {i}")).ToArray();
        var memo = new CodeMemo<string>(new CountingCatalogue(entries));
        var codes = entries.Select(e => new string(e.Item1)).ToArray();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                memo.Find(codes[i]).Should().Be($"value {i}");
            }
        }
    }

    /// <summary>A catalogue that counts its look-ups.</summary>
    private sealed class CountingCatalogue(params (string Code, string Value)[] entries) : IReadOnlyDictionary<string, string>
    {
        private readonly Dictionary<string, string> _entries = entries.ToDictionary(e => e.Code, e => e.Value, StringComparer.Ordinal);

        public int LookUps { get; private set; }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            LookUps++;
            return _entries.TryGetValue(key, out value);
        }

        public string this[string key] => _entries[key];
        public IEnumerable<string> Keys => _entries.Keys;
        public IEnumerable<string> Values => _entries.Values;
        public int Count => _entries.Count;
        public bool ContainsKey(string key) => _entries.ContainsKey(key);
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
