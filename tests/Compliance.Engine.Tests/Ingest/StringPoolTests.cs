using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class StringPoolTests
{
    [Fact]
    public void Get_SameValueTwice_ReturnsOneInstance()
    {
        var pool = new StringPool();

        var first = pool.Get("U0201".AsSpan());
        var second = pool.Get("xU0201".AsSpan(1));

        second.Should().Be("U0201").And.BeSameAs(first);
    }

    [Fact]
    public void Get_ManyDistinctValues_EachComesBackAsItself()
    {
        var pool = new StringPool();
        var values = Enumerable.Range(0, 5000).Select(i => $"申请人{i}").ToList();

        var first = values.Select(v => pool.Get(v)).ToList();
        var again = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        first.Should().Equal(values);
        again.Zip(first).Should().OnlyContain(p => ReferenceEquals(p.First, p.Second));
    }

    [Fact]
    public void Get_EmptyAndLongValues_ReturnedButLongOnesNotShared()
    {
        var pool = new StringPool();
        var longValue = new string('长', 65);

        pool.Get([]).Should().BeEmpty();
        var a = pool.Get(longValue);
        var b = pool.Get(longValue);

        a.Should().Be(longValue);
        b.Should().Be(longValue).And.NotBeSameAs(a);
    }
}
