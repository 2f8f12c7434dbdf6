using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class WhitespaceTests
{
    [Fact]
    public void Is_EveryChar_AgreesWithCharIsWhiteSpace()
    {
        var disagreeing = Enumerable.Range(0, char.MaxValue + 1)
            .Where(c => Whitespace.Is((char)c) != char.IsWhiteSpace((char)c))
            .Select(c => c.ToString("X4"));

        disagreeing.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData(" \t办件 \u3000")]
    [InlineData("\u00A0U01\u2028")]
    [InlineData("\u3001、\u3000")]
    [InlineData("a b")]
    public void Trim_AnyText_SameAsMemoryExtensionsTrim(string text)
    {
        Whitespace.Trim(text).ToString().Should().Be(text.AsSpan().Trim().ToString());
    }

    [Fact]
    public void Trim_EveryCharAtEitherEnd_SameAsMemoryExtensionsTrim()
    {
        var differing = Enumerable.Range(0, char.MaxValue + 1)
            .Select(i => (char)i)
            .SelectMany(c => new[] { c.ToString(), c + "x", "x" + c, c + "x" + c })
            .Where(t => !Whitespace.Trim(t).SequenceEqual(t.AsSpan().Trim()))
            .ToList();

        differing.Should().BeEmpty();
    }

    [Fact]
    public void All_BlankAndNonBlank_TellsThemApart()
    {
        Whitespace.All(" \u3000\t").Should().BeTrue();
        Whitespace.All("").Should().BeTrue();
        Whitespace.All("  x ").Should().BeFalse();
    }
}
