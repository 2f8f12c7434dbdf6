using System.Security.Cryptography;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class SharedSha256Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(5_000_000)]
    public async Task Finish_FedInPiecesWhileOthersHelp_HashOfAllTheBytesInOrder(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var sha = new SharedSha256();
        using var stop = new CancellationTokenSource();
        var helpers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                sha.TryHelp();
            }
        })).ToArray();

        var random = new Random(7);
        for (var at = 0; at < length;)
        {
            var n = Math.Min(length - at, random.Next(1, 100_000));
            sha.Append(bytes.AsSpan(at, n));
            at += n;
        }
        var hash = sha.Finish();
        stop.Cancel();
        await Task.WhenAll(helpers);

        hash.Should().Equal(SHA256.HashData(bytes));
    }

    [Fact]
    public void TryHelp_ABlockWaiting_HashesItAndThenHasNothingLeft()
    {
        var bytes = new byte[70_000];
        new Random(3).NextBytes(bytes);
        using var sha = new SharedSha256();
        sha.Append(bytes);

        sha.HasPending.Should().BeTrue();
        sha.TryHelp().Should().BeTrue();
        sha.HasPending.Should().BeFalse();
        sha.TryHelp().Should().BeFalse();
        sha.Finish().Should().Equal(SHA256.HashData(bytes));
    }

    [Fact]
    public void Finish_Twice_SecondHashesOnlyWhatCameAfterTheFirst()
    {
        using var sha = new SharedSha256();
        sha.Append([1, 2, 3]);
        sha.Finish();
        sha.Append([4, 5]);

        sha.Finish().Should().Equal(SHA256.HashData(new byte[] { 4, 5 }));
    }
}
