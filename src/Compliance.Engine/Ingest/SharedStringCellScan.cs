using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The fast half of <see cref="XlsxSharedStringCheck"/>: a pass over a sheet's bytes that proves every shared-string
/// cell points into the table, without an XML reader. A sheet is tens of megabytes of cells, and reading it through
/// <see cref="System.Xml.XmlReader"/> before MiniExcel reads it again cost as much as a fifth of reading a workbook.
/// Only the markup is looked at: text is skipped to the next <c>&lt;</c>, which in XML always starts markup, since
/// neither text nor attribute values may hold one raw. Each element whose local name is <c>c</c> (any prefix, as the
/// check takes it) has its attributes read; one whose unprefixed <c>t</c> is exactly <c>s</c> has its last direct
/// <c>v</c> child's text parsed as MiniExcel parses it. Whatever this pass does not read as the XML reader would
/// makes it answer false rather than guess: a sheet not in UTF-8, a comment, CDATA or processing instruction (their
/// text may hold markup-like bytes), an entity in a <c>t</c> value or in an index, a <c>v</c> holding markup, a sheet
/// that ends inside a cell. False also for a cell that points nowhere; the exact check then reads the sheet and
/// names the cell, or finds nothing wrong.
/// </summary>
internal static class SharedStringCellScan
{
    private const int DefaultChunk = 1 << 16;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private enum Step
    {
        /// <summary>The markup was read; go on after it.</summary>
        Read,

        /// <summary>The chunk ends inside it: read it again with more of the sheet.</summary>
        NeedMore,

        /// <summary>The pass cannot vouch for the sheet.</summary>
        Suspect,
    }

    /// <summary>True when every shared-string cell of the sheet points into a table of <paramref name="sharedStrings"/> entries (null: no table).</summary>
    /// <param name="chunk">The bytes read at a time; small in tests, to put chunk ends everywhere.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllInRange(Stream sheet, int? sharedStrings, int chunk = DefaultChunk)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            var filled = 0;
            var end = false;
            var bomRead = false;
            var start = true;
            while (true)
            {
                while (!end && filled < buffer.Length)
                {
                    var read = sheet.Read(buffer, filled, buffer.Length - filled);
                    end = read == 0;
                    filled += read;
                }
                if (!bomRead)
                {
                    bomRead = true;
                    if (buffer.AsSpan(0, filled).StartsWith(Utf8Bom))
                    {
                        buffer.AsSpan(Utf8Bom.Length, filled - Utf8Bom.Length).CopyTo(buffer);
                        filled -= Utf8Bom.Length;
                        continue;
                    }
                }
                var bytes = buffer.AsSpan(0, filled);
                if (start && (bytes.IsEmpty || bytes[0] != '<' || (bytes.Length > 1 && bytes[1] == 0)))
                {
                    // No markup first, or a char of UTF-16 or UTF-32, with or without BOM; or text before the root. Not read here.
                    return false;
                }
                var at = 0;
                var step = Scan(bytes, ref at, start, sharedStrings);
                if (step == Step.Suspect || (step == Step.NeedMore && end))
                {
                    return false;
                }
                if (end)
                {
                    return true;
                }
                if (at > 0)
                {
                    start = false;
                    bytes[at..].CopyTo(buffer);
                    filled -= at;
                }
                else if (filled == buffer.Length)
                {
                    // One piece of markup longer than the buffer.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    bytes.CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads markup from <paramref name="at"/> on; leaves <paramref name="at"/> where a later chunk must start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Step Scan(ReadOnlySpan<byte> bytes, ref int at, bool start, int? sharedStrings)
    {
        var documentStart = start ? 0 : -1;
        while (true)
        {
            var next = bytes[at..].IndexOf((byte)'<');
            if (next < 0)
            {
                at = bytes.Length;
                return Step.Read;
            }
            var tag = at + next;
            var step = tag == documentStart ? Declaration(bytes, tag, sharedStrings, out var after) : Markup(bytes, tag, sharedStrings, out after);
            if (step != Step.Read)
            {
                at = tag;
                return step;
            }
            at = after;
        }
    }

    /// <summary>The XML declaration, if the sheet starts with one: the sheet must be UTF-8, as it is when it names no encoding.</summary>
    private static Step Declaration(ReadOnlySpan<byte> bytes, int tag, int? sharedStrings, out int after)
    {
        after = tag;
        if (bytes.Length - tag < 2)
        {
            return Step.NeedMore;
        }
        if (bytes[tag + 1] != '?')
        {
            return Markup(bytes, tag, sharedStrings, out after);
        }
        var close = bytes[tag..].IndexOf("?>"u8);
        if (close < 0)
        {
            return Step.NeedMore;
        }
        var declaration = bytes.Slice(tag, close);
        if (!declaration.StartsWith("<?xml"u8))
        {
            return Step.Suspect;
        }
        var encoding = declaration.IndexOf("encoding"u8);
        if (encoding >= 0)
        {
            var value = declaration[(encoding + "encoding".Length)..].TrimStart(" \t\r\n="u8);
            if (value.Length < 1 || value[0] is not ((byte)'"' or (byte)'\''))
            {
                return Step.Suspect;
            }
            var quote = value[0];
            value = value[1..];
            var length = value.IndexOf(quote);
            if (length < 0 || !Ascii.EqualsIgnoreCase(value[..length], "utf-8"u8))
            {
                return Step.Suspect;
            }
        }
        after = tag + close + 2;
        return Step.Read;
    }

    /// <summary>The markup at <paramref name="tag"/>: a cell is read whole; anything else only far enough to know it is no cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Step Markup(ReadOnlySpan<byte> bytes, int tag, int? sharedStrings, out int after)
    {
        after = tag;
        if (bytes.Length - tag < 2)
        {
            return Step.NeedMore;
        }
        var first = bytes[tag + 1];
        if (first is (byte)'!' or (byte)'?')
        {
            return Step.Suspect;
        }
        if (first == '/')
        {
            after = tag + 2;
            return Step.Read;
        }
        var name = Name(bytes, tag + 1);
        if (name < 0)
        {
            return Step.NeedMore;
        }
        if (!IsLocalName(bytes.Slice(tag + 1, name - tag - 1), (byte)'c'))
        {
            after = name;
            return Step.Read;
        }
        return Cell(bytes, name, sharedStrings, out after);
    }

    /// <summary>A cell from the end of its name: its <c>t</c>, and for a shared-string cell its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Step Cell(ReadOnlySpan<byte> bytes, int at, int? sharedStrings, out int after)
    {
        after = at;
        var step = Attributes(bytes, ref at, out var empty, out var tValue);
        if (step != Step.Read)
        {
            return step;
        }
        var t = bytes[tValue];
        var shared = t.Length == 1 && t[0] == 's';
        if (t.Contains((byte)'&'))
        {
            return Step.Suspect;
        }
        if (!shared || empty)
        {
            after = at;
            return Step.Read;
        }
        step = Index(bytes, ref at, out var index);
        if (step != Step.Read)
        {
            return step;
        }
        after = at;
        var text = bytes[index];
        if (text.IsEmpty)
        {
            return Step.Read;
        }
        return sharedStrings is { } count && !text.Contains((byte)'&')
            && int.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < count
                ? Step.Read
                : Step.Suspect;
    }

    /// <summary>
    /// The attributes of a start tag from the end of its name up to its end, after which <paramref name="at"/> stands;
    /// the value of the unprefixed <c>t</c>, empty when there is none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Step Attributes(ReadOnlySpan<byte> bytes, ref int at, out bool empty, out Range tValue)
    {
        empty = false;
        tValue = default;
        var i = at;
        while (true)
        {
            i = SkipSpace(bytes, i);
            if (i >= bytes.Length)
            {
                return Step.NeedMore;
            }
            if (bytes[i] == '>')
            {
                at = i + 1;
                return Step.Read;
            }
            if (bytes[i] == '/')
            {
                if (i + 1 >= bytes.Length)
                {
                    return Step.NeedMore;
                }
                empty = true;
                at = i + 2;
                return bytes[i + 1] == '>' ? Step.Read : Step.Suspect;
            }
            var nameStart = i;
            while (i < bytes.Length && bytes[i] is not ((byte)'=' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/'))
            {
                i++;
            }
            var nameEnd = i;
            i = SkipSpace(bytes, i);
            if (i >= bytes.Length)
            {
                return Step.NeedMore;
            }
            if (bytes[i] != '=' || nameEnd == nameStart)
            {
                return Step.Suspect;
            }
            i = SkipSpace(bytes, i + 1);
            if (i >= bytes.Length)
            {
                return Step.NeedMore;
            }
            var quote = bytes[i];
            if (quote is not ((byte)'"' or (byte)'\''))
            {
                return Step.Suspect;
            }
            var length = bytes[(i + 1)..].IndexOf(quote);
            if (length < 0)
            {
                return Step.NeedMore;
            }
            if (nameEnd - nameStart == 1 && bytes[nameStart] == 't')
            {
                tValue = new Range(i + 1, i + 1 + length);
            }
            i += length + 2;
        }
    }

    /// <summary>
    /// The content of a cell after its start tag, up to and past its end tag: the text of its last direct <c>v</c>
    /// child (empty range when it has none), as the exact check reads it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Step Index(ReadOnlySpan<byte> bytes, ref int at, out Range index)
    {
        index = default;
        var depth = 0;
        var i = at;
        while (true)
        {
            var next = bytes[i..].IndexOf((byte)'<');
            if (next < 0)
            {
                return Step.NeedMore;
            }
            var tag = i + next;
            if (bytes.Length - tag < 2)
            {
                return Step.NeedMore;
            }
            var first = bytes[tag + 1];
            if (first is (byte)'!' or (byte)'?')
            {
                return Step.Suspect;
            }
            if (first == '/')
            {
                var close = bytes[tag..].IndexOf((byte)'>');
                if (close < 0)
                {
                    return Step.NeedMore;
                }
                i = tag + close + 1;
                if (depth-- == 0)
                {
                    at = i;
                    return Step.Read;
                }
                continue;
            }
            var name = Name(bytes, tag + 1);
            if (name < 0)
            {
                return Step.NeedMore;
            }
            var isV = depth == 0 && IsLocalName(bytes.Slice(tag + 1, name - tag - 1), (byte)'v');
            i = name;
            var step = Attributes(bytes, ref i, out var empty, out _);
            if (step != Step.Read)
            {
                return step;
            }
            if (empty)
            {
                if (isV)
                {
                    index = default;
                }
                continue;
            }
            if (!isV)
            {
                depth++;
                continue;
            }
            // The v's text, which must run up to its own end tag: anything else in it is left to the exact check.
            var text = bytes[i..].IndexOf((byte)'<');
            if (text < 0 || bytes.Length - (i + text) < 2)
            {
                return Step.NeedMore;
            }
            if (bytes[i + text + 1] != '/')
            {
                return Step.Suspect;
            }
            index = new Range(i, i + text);
            var endTag = bytes[(i + text)..].IndexOf((byte)'>');
            if (endTag < 0)
            {
                return Step.NeedMore;
            }
            i += text + endTag + 1;
        }
    }

    /// <summary>The end of the name that starts at <paramref name="at"/>; -1 when the chunk ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Name(ReadOnlySpan<byte> bytes, int at)
    {
        var end = bytes[at..].IndexOfAny(" \t\r\n/>"u8);
        return end < 0 ? -1 : at + end;
    }

    /// <summary>Whether a qualified name's local part is the one letter <paramref name="local"/>.</summary>
    private static bool IsLocalName(ReadOnlySpan<byte> name, byte local) =>
        name.Length > 0 && name[^1] == local && (name.Length == 1 || name[^2] == ':');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipSpace(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length && bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }
        return at;
    }
}
