using System.Security.Cryptography;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class HashingReadStreamTests
{
    private static readonly byte[] Bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();

    [Fact]
    public void Finish_NothingRead_HashesTheWholeStream()
    {
        using var stream = new HashingReadStream(new MemoryStream(Bytes));

        stream.Finish().Should().Be(Sha256(Bytes));
    }

    [Fact]
    public void Finish_ReadTwiceFromTheStartAndPartly_EachByteHashedOnce()
    {
        using var stream = new HashingReadStream(new MemoryStream(Bytes));
        var buffer = new byte[70_000];
        stream.ReadExactly(buffer);
        stream.Position = 0;
        stream.ReadExactly(buffer.AsSpan(0, 100_000 - 70_000));
        stream.Position = 0;
        stream.ReadExactly(buffer);
        stream.ReadExactly(buffer.AsSpan(0, 5));

        stream.Finish().Should().Be(Sha256(Bytes));
    }

    [Fact]
    public void Finish_StreamStartingPartWay_HashesFromItsStart()
    {
        var inner = new MemoryStream(Bytes) { Position = 1000 };
        using var stream = new HashingReadStream(inner);

        stream.Start.Should().Be(1000);
        stream.Finish().Should().Be(Sha256(Bytes[1000..]));
    }

    [Fact]
    public void Read_AfterSkippingAhead_Throws()
    {
        using var stream = new HashingReadStream(new MemoryStream(Bytes));
        stream.Position = 10;

        var read = () => stream.ReadByte();

        read.Should().Throw<InvalidOperationException>();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
