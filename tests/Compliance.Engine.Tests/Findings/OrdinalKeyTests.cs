using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class OrdinalKeyTests
{
    // Few characters, so that strings share long prefixes and differ only late, in length, or past the packed part.
    private static readonly char[] Alphabet = ['\0', '0', '1', '9', 'A', 'J', 'K', '-', '~', '\u007F', '\u0080', '中', '\uFFFF'];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CompareTo_RandomStrings_SameSignAsCompareOrdinal(int seed)
    {
        var random = new Random(seed);
        var strings = Enumerable.Range(0, 2_000).Select(_ => RandomString(random)).ToArray();

        foreach (var a in strings)
        {
            var b = strings[random.Next(strings.Length)];
            var near = Near(a, random);
            Math.Sign(new OrdinalKey(a).CompareTo(new OrdinalKey(b))).Should().Be(Math.Sign(string.CompareOrdinal(a, b)), $"“{Escape(a)}” against “{Escape(b)}”");
            Math.Sign(new OrdinalKey(a).CompareTo(new OrdinalKey(near))).Should().Be(Math.Sign(string.CompareOrdinal(a, near)), $"“{Escape(a)}” against “{Escape(near)}”");
        }
    }

    [Fact]
    public void Sort_KeysOfIdsAsExportsWriteThem_SameAsOneOrdinalSort()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 20_000)
            .Select(_ => $"JK{random.Next(2017, 2026)}{random.Next(100_000_000):D8}" + (random.Next(10) == 0 ? "-补" : ""))
            .ToArray();
        var keys = ids.Select(id => new OrdinalKey(id)).ToArray();

        Array.Sort(keys);

        keys.Select(k => k.Text).Should().Equal(ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "\0")]
    [InlineData("A", "A\0")]
    [InlineData("ABCDEFGHIJKLMN", "ABCDEFGHIJKLMNO")]
    [InlineData("ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNO\0")]
    [InlineData("ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ")]
    [InlineData("ABC~", "ABC\u0080")]
    [InlineData("AB中", "AB中\0")]
    [InlineData("AB\u0080Z", "AB中A")]
    public void CompareTo_FirstBeforeSecond_Negative(string first, string second)
    {
        string.CompareOrdinal(first, second).Should().BeNegative("the case itself must be ordered so");
        new OrdinalKey(first).CompareTo(new OrdinalKey(second)).Should().BeNegative();
        new OrdinalKey(second).CompareTo(new OrdinalKey(first)).Should().BePositive();
    }

    [Theory]
    [InlineData("JK202400000001")]
    [InlineData("ABCDEFGHIJKLMNOPQRS")]
    [InlineData("办件-1")]
    public void CompareTo_EqualStrings_Zero(string text) =>
        new OrdinalKey(text).CompareTo(new OrdinalKey(new string(text.AsSpan()))).Should().Be(0);

    [Theory]
    [InlineData("")]
    [InlineData("JK202400000001")]
    [InlineData("ABCDEFGHIJKLMNO")]
    [InlineData("a\"b\\c\u0001\u007F")]
    public void TryCopyAscii_AsciiOfFifteenOrFewer_TheTextAsBytes(string text)
    {
        var bytes = new byte[16];

        new OrdinalKey(text).TryCopyAscii(bytes, out var length).Should().BeTrue();

        bytes.AsSpan(0, length).ToArray().Should().Equal(text.Select(c => (byte)c));
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("JK-补")]
    [InlineData("\u0080")]
    public void TryCopyAscii_LongerOrNotAscii_False(string text)
    {
        var bytes = new byte[16];

        new OrdinalKey(text).TryCopyAscii(bytes, out var length).Should().BeFalse();

        length.Should().Be(0);
        bytes.Should().OnlyContain(b => b == 0, "nothing is copied");
    }

    private static string RandomString(Random random)
    {
        var length = random.Next(0, 20);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    // A string sharing a prefix with the given one: cut, lengthened or changed at one place.
    private static string Near(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 => text[..at],
            1 => text + Alphabet[random.Next(Alphabet.Length)],
            _ => text[..at] + Alphabet[random.Next(Alphabet.Length)] + (at < text.Length ? text[(at + 1)..] : ""),
        };
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
