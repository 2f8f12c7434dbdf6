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

    [Fact]
    public void Get_ValuesThatNeverRepeat_StopsPoolingAndStillReturnsEachValue()
    {
        var pool = new StringPool();
        var values = Enumerable.Range(0, 40_000).Select(i => $"JK{i:0000000000}").ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeFalse();
        pool.Get("JK0000000001".AsSpan()).Should().Be("JK0000000001").And.NotBeSameAs(got[1]);
    }

    [Fact]
    public void Get_LargeSetThatRepeatsLater_KeepsPooling()
    {
        // Drawn from 20,000 names, most of them seen only after the first check: few hits early, many later.
        var pool = new StringPool();
        var random = new Random(20251103);
        var values = Enumerable.Range(0, 200_000).Select(_ => $"申请人{random.Next(20_000)}").ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeTrue();
        pool.Get("申请人7".ToCharArray()).Should().BeSameAs(got[values.IndexOf("申请人7")]);
    }

    [Fact]
    public void Get_MoreDistinctValuesThanThePoolHolds_StopsPoolingThoughTheyRepeat()
    {
        // 100,000 names, each four times in a row: three lookups in four find their value, yet a pool of them
        // would outgrow the caches.
        var pool = new StringPool();
        var values = Enumerable.Range(0, 400_000).Select(i => $"申请人{i / 4}").ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeFalse();
    }
}
