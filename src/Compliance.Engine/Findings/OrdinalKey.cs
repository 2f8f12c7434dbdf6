using System.Runtime.CompilerServices;

namespace Compliance.Engine.Findings;

/// <summary>
/// A string with its first fifteen characters packed into two integers, so that sorting ids compares integers held
/// in the sorted array instead of reading each id's text from wherever it lies in memory, a cache miss per
/// comparison. The order is exactly ordinal (<see cref="string.CompareOrdinal(string, string)"/>).
/// </summary>
/// <remarks>
/// Characters are packed one byte each, big-endian, zero-padded, and the last byte holds the length. That is exact
/// for plain ASCII strings of up to fifteen characters: equal packed characters then make the shorter string the
/// prefix, and so the smaller. Any other string packs its ASCII characters up to the first one that is not, which
/// packs as 0xFF (it is greater than every ASCII character), and carries length 0xFF: two such strings whose packs
/// agree are compared in full. A struct comparable to itself, so that the runtime's sort and priority queue of keys
/// call it inline.
/// </remarks>
internal readonly struct OrdinalKey : IComparable<OrdinalKey>
{
    private const int Packed = 15;
    private const byte Inexact = 0xFF;

    private readonly ulong _high;
    private readonly ulong _low;

    public OrdinalKey(string text)
    {
        Text = text;
        var length = Math.Min(text.Length, Packed);
        var exact = text.Length <= Packed;
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (c > 0x7F)
            {
                bytes[i] = Inexact;
                exact = false;
                break;
            }
            bytes[i] = (byte)c;
        }
        bytes[Packed] = exact ? (byte)text.Length : Inexact;
        _high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
    }

    public string Text { get; }

    /// <summary>
    /// Copies the text, as ASCII bytes, when the key holds all of it (plain ASCII of up to fifteen characters), from
    /// the key itself rather than from the string, which lies wherever reading allocated it: writing hundreds of
    /// thousands of ids in order would otherwise read each from memory, a cache miss apiece.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryCopyAscii(Span<byte> destination, out int length)
    {
        length = (byte)_low;
        if (length == Inexact)
        {
            length = 0;
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, _high);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _low);
        bytes[..length].CopyTo(destination);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CompareTo(OrdinalKey other)
    {
        if (_high != other._high)
        {
            return _high < other._high ? -1 : 1;
        }
        if (_low != other._low)
        {
            return _low < other._low ? -1 : 1;
        }
        return (byte)_low == Inexact ? string.CompareOrdinal(Text, other.Text) : 0;
    }
}
