using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Strict GB18030 decoding with the text of a Chinese export — ASCII and two-byte characters — decoded here, from
/// a table the runtime's own decoder filled, and everything else (four-byte sequences, bytes that are not GB18030)
/// handed to that decoder one sequence at a time. GB18030 keeps no state between characters, so the text and the
/// failures are the runtime decoder's; only the per-byte work of its general path is saved, which is most of the
/// time spent reading a GB18030 file.
/// </summary>
internal sealed class Gb18030Decoder
{
    private const int FirstLead = 0x81;
    private const int LastLead = 0xFE;

    /// <summary>An ASCII run this long or longer (ids, codes, dates) is found and widened vectorised; a shorter one (a separator) byte by byte.</summary>
    private const int ShortRun = 8;

    /// <summary>Per lead byte and second byte, the character of a two-byte sequence; 0 for a pair left to the runtime decoder.</summary>
    private static readonly char[] TwoByte = BuildTwoByteTable();

    private readonly Decoder _runtime = TextEncodingDetector.StrictGb18030.GetDecoder();

    /// <summary>
    /// Decodes whole sequences from <paramref name="bytes"/> into <paramref name="chars"/> (room for at least two
    /// chars) until either runs out. A sequence cut off at the end of <paramref name="bytes"/> is left unused unless
    /// <paramref name="final"/>, when it is the runtime decoder's to refuse. Throws
    /// <see cref="DecoderFallbackException"/> for bytes that are not GB18030, with the index in
    /// <paramref name="bytes"/> of the first of them, as <see cref="Decoder.Convert(ReadOnlySpan{byte}, Span{char}, bool, out int, out int, out bool)"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Convert(ReadOnlySpan<byte> bytes, Span<char> chars, bool final, out int bytesUsed, out int charsUsed)
    {
        var table = TwoByte;
        var i = 0;
        var o = 0;
        while (i < bytes.Length && o < chars.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                var room = Math.Min(bytes.Length - i, chars.Length - o);
                var run = 1;
                while (run < room && run < ShortRun && bytes[i + run] < 0x80)
                {
                    run++;
                }
                if (run == ShortRun && run < room)
                {
                    var end = bytes.Slice(i + run, room - run).IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                    run = end < 0 ? room : run + end;
                }
                if (run < ShortRun)
                {
                    for (var k = 0; k < run; k++)
                    {
                        chars[o + k] = (char)bytes[i + k];
                    }
                }
                else
                {
                    Ascii.ToUtf16(bytes.Slice(i, run), chars.Slice(o, run), out _);
                }
                i += run;
                o += run;
                continue;
            }
            if (i + 1 < bytes.Length && b >= FirstLead && b <= LastLead)
            {
                var c = table[((b - FirstLead) << 8) | bytes[i + 1]];
                if (c != 0)
                {
                    chars[o++] = c;
                    i += 2;
                    continue;
                }
            }
            var length = SequenceLength(bytes[i..]);
            if (i + length > bytes.Length && !final)
            {
                break;
            }
            if (chars.Length - o < 2)
            {
                break;
            }
            var sequence = bytes.Slice(i, Math.Min(length, bytes.Length - i));
            o += DecodeSequence(sequence, chars[o..], i);
            i += sequence.Length;
        }
        bytesUsed = i;
        charsUsed = o;
    }

    /// <summary>One sequence through the runtime decoder; a failure is given the index of the sequence in the caller's bytes.</summary>
    /// <remarks>Apart from <see cref="Convert"/>, so that its loop has no exception handling to slow it down.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DecodeSequence(ReadOnlySpan<byte> sequence, Span<char> chars, int index)
    {
        try
        {
            return _runtime.GetChars(sequence, chars, flush: true);
        }
        catch (DecoderFallbackException e)
        {
            throw new DecoderFallbackException(e.Message, e.BytesUnknown, index + e.Index);
        }
    }

    /// <summary>
    /// How many bytes the sequence starting at <paramref name="bytes"/>[0] takes as GB18030 reads it: a lead byte
    /// and a digit start a four-byte sequence, a lead byte and anything else two bytes, any other byte one.
    /// </summary>
    private static int SequenceLength(ReadOnlySpan<byte> bytes)
    {
        var b = bytes[0];
        if (b < FirstLead || b > LastLead)
        {
            return 1;
        }
        if (bytes.Length < 2)
        {
            return 2;
        }
        return bytes[1] is >= 0x30 and <= 0x39 ? 4 : 2;
    }

    private static char[] BuildTwoByteTable()
    {
        var table = new char[(LastLead - FirstLead + 1) << 8];
        var decoder = TextEncodingDetector.StrictGb18030;
        Span<byte> pair = stackalloc byte[2];
        Span<char> chars = stackalloc char[4];
        for (var lead = FirstLead; lead <= LastLead; lead++)
        {
            for (var second = 0x40; second <= 0xFE; second++)
            {
                if (second == 0x7F)
                {
                    continue;
                }
                pair[0] = (byte)lead;
                pair[1] = (byte)second;
                try
                {
                    if (decoder.GetChars(pair, chars) == 1 && chars[0] != 0)
                    {
                        table[((lead - FirstLead) << 8) | second] = chars[0];
                    }
                }
                catch (DecoderFallbackException)
                {
                    // Not a character: left to the runtime decoder, which will refuse it in the file too.
                }
            }
        }
        return table;
    }
}
