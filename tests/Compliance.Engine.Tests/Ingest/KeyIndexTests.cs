using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class KeyIndexTests
{
    [Fact]
    public void TryAdd_NewAndRepeatedKeys_RepeatNamesTheFirstIndex()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);

        Add(index, records, "A").Should().Be((true, 0));
        Add(index, records, "B").Should().Be((true, 1));
        Add(index, records, "A").Should().Be((false, 0));
        index.Count.Should().Be(2);
    }

    [Fact]
    public void TryAdd_ManyKeys_AllFoundAfterGrowing()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        for (var i = 0; i < 20000; i++)
        {
            Add(index, records, $"K{i:00000}");
        }

        var found = Enumerable.Range(0, 20000).Select(i => index.TryFind($"K{i:00000}", out var at) ? at : -1);
        found.Should().Equal(Enumerable.Range(0, 20000));
        index.TryFind("K20000", out var missing).Should().BeFalse();
        missing.Should().Be(-1);
        index.Count.Should().Be(20000);
    }

    [Fact]
    public void TryFind_BySlice_FindsWithoutAString()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        Add(index, records, "XK-1");

        index.TryFind("(XK-1)".AsSpan(1, 4), out var at).Should().BeTrue();
        at.Should().Be(0);
    }

    [Fact]
    public void Truncate_LaterRecords_TheirKeysAreFreeAgainEarlierOnesKept()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        for (var i = 0; i < 3000; i++)
        {
            Add(index, records, $"K{i}");
        }

        index.Truncate(1000);
        records.RemoveRange(1000, 2000);

        index.Count.Should().Be(1000);
        index.TryFind("K999", out var kept).Should().BeTrue();
        kept.Should().Be(999);
        index.TryFind("K1000", out _).Should().BeFalse();
        Add(index, records, "K2999").Should().Be((true, 1000));
    }

    [Fact]
    public void Prefetch_AnyHashes_ChangesNothing()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        Add(index, records, "A");

        index.Prefetch([KeyIndex<string>.HashOf("A"), 12345, -7]);

        index.Count.Should().Be(1);
        index.TryFind("A", out var at).Should().BeTrue();
        at.Should().Be(0);
    }

    [Fact]
    public void PrefetchFinds_HashesOfKeysThereAndNot_ChangesNothing()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        Add(index, records, "A");
        Add(index, records, "B");

        index.PrefetchFinds([KeyIndex<string>.HashOf("B"), KeyIndex<string>.HashOf("Z"), 0, -7]);
        index.PrefetchFinds([]);

        index.Count.Should().Be(2);
        index.TryFind("B", out var at).Should().BeTrue();
        at.Should().Be(1);
        index.TryFind("Z", out _).Should().BeFalse();
    }

    [Fact]
    public void Reserve_ThenAddThatMany_NoFurtherResize()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);
        Add(index, records, "K0");

        index.Reserve(100_000);
        var capacity = index.Capacity;
        for (var i = 1; i < 100_000; i++)
        {
            Add(index, records, $"K{i}");
        }

        index.Resizes.Should().Be(1);
        index.Capacity.Should().Be(capacity).And.Be(1 << 18);
        index.TryFind("K0", out var first).Should().BeTrue();
        first.Should().Be(0);
        index.TryFind("K99999", out var last).Should().BeTrue();
        last.Should().Be(99_999);
    }

    [Fact]
    public void Reserve_FewerThanThereIsRoomFor_ChangesNothing()
    {
        var records = new List<string>();
        var index = new KeyIndex<string>(records, r => r);

        index.Reserve(700);

        index.Resizes.Should().Be(0);
        index.Capacity.Should().Be(1024);
    }

    private static (bool Added, int First) Add(KeyIndex<string> index, List<string> records, string key)
    {
        var added = index.TryAdd(key, KeyIndex<string>.HashOf(key), records.Count, out var first);
        if (added)
        {
            records.Add(key);
        }
        return (added, first);
    }
}
