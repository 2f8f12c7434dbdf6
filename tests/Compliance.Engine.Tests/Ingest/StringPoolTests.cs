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
    public void Get_AsManyDistinctValuesAsThePoolHolds_EachComesBackAsItselfAndShared()
    {
        var pool = new StringPool();
        var values = Enumerable.Range(0, StringPool.MaxEntries).Select(i => $"申请人{i}").ToList();

        var first = values.Select(v => pool.Get(v)).ToList();
        var again = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        first.Should().Equal(values);
        again.Zip(first).Should().OnlyContain(p => ReferenceEquals(p.First, p.Second));
        pool.Pooling.Should().BeTrue();
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
    public void Get_MoreValuesThanThePoolHoldsRepeatingOften_SharesTheFirstOnesAndReturnsTheRest()
    {
        // Drawn from 6,000 names: the pool holds the first 4,096 seen, which are two lookups in three.
        var pool = new StringPool();
        var random = new Random(20251103);
        var values = Enumerable.Range(0, 200_000).Select(_ => $"申请人{random.Next(6_000)}").ToList();
        var seenFirst = values.Distinct().ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeTrue();
        var held = seenFirst[StringPool.MaxEntries - 1];
        pool.Get(held.ToCharArray()).Should().BeSameAs(got[values.IndexOf(held)]);
        var notHeld = seenFirst[StringPool.MaxEntries];
        pool.Get(notHeld.ToCharArray()).Should().Be(notHeld).And.NotBeSameAs(got[values.IndexOf(notHeld)]);
    }

    [Fact]
    public void Get_LargeSetRarelyRepeating_StopsPoolingOnceFull()
    {
        // Drawn from 200,000 names: once the pool is full, under one lookup in twelve finds its value.
        var pool = new StringPool();
        var random = new Random(20251103);
        var values = Enumerable.Range(0, 100_000).Select(_ => $"申请人{random.Next(200_000)}").ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeFalse();
    }

    [Fact]
    public void Get_MoreDistinctValuesThanThePoolHolds_StopsPoolingOnceTheHeldOnesStopRepeating()
    {
        // 100,000 names, each four times in a row: while the pool has room three lookups in four find their value;
        // once it is full the new names are not held, and no lookup does.
        var pool = new StringPool();
        var values = Enumerable.Range(0, 400_000).Select(i => $"申请人{i / 4}").ToList();

        var got = values.Select(v => pool.Get(v.ToCharArray())).ToList();

        got.Should().Equal(values);
        pool.Pooling.Should().BeFalse();
    }
}
