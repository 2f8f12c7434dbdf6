using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The text and field bounds of consecutive <see cref="RawRow"/>s in one pair of buffers: the rows of a batch lie
/// one after another in memory, as the file had them, instead of each in buffers of its own sized for the longest
/// row. Parsing a batch then reads memory in order, and a batch costs a few arrays, not three per row. Rows are
/// written one at a time, each after the one before; the row last written may be written again (a blank line is
/// dropped by writing the next row over it).
/// </summary>
internal sealed class RowText
{
    public RowText(int chars, int fields)
    {
        Chars = new char[chars];
        Starts = new int[fields];
        Lengths = new int[fields];
    }

    public char[] Chars { get; private set; }

    /// <summary>Per field, where it starts, counted from the start of its row's text.</summary>
    public int[] Starts { get; private set; }

    public int[] Lengths { get; private set; }

    /// <summary>Chars in use.</summary>
    public int Length { get; set; }

    /// <summary>Field slots in use.</summary>
    public int Fields { get; set; }

    /// <summary>The row written last, which alone may be written again.</summary>
    public RawRow? Last { get; set; }

    /// <summary>Forgets every row, to be written again from the start.</summary>
    public void Clear()
    {
        Length = 0;
        Fields = 0;
        Last = null;
    }

    /// <summary>Makes room for <paramref name="more"/> chars after those in use.</summary>
    public void EnsureChars(int more)
    {
        if (Length + more > Chars.Length)
        {
            var chars = Chars;
            Array.Resize(ref chars, Math.Max(Chars.Length * 2, Length + more));
            Chars = chars;
        }
    }

    /// <summary>Makes room for <paramref name="more"/> fields after those in use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EnsureFields(int more)
    {
        if (Fields + more > Starts.Length)
        {
            var length = Math.Max(Starts.Length * 2, Fields + more);
            var starts = Starts;
            var lengths = Lengths;
            Array.Resize(ref starts, length);
            Array.Resize(ref lengths, length);
            Starts = starts;
            Lengths = lengths;
        }
    }
}
