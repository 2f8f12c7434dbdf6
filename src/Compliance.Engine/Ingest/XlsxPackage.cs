using System.IO.Compression;
using System.Xml;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A workbook's zip package, opened once for the checks that read it before MiniExcel does
/// (<see cref="XlsxSharedStringCheck"/>, <see cref="WorkbookDates"/>), with <c>xl/workbook.xml</c> read once for
/// what they need of it: the date system and the first sheet, found as MiniExcel finds it (the first <c>sheet</c>
/// through its relationship). Parts are looked up as MiniExcel looks them up: any case, either slash. Disposing
/// leaves the stream where it was.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const string WorkbookPart = "xl/workbook.xml";

    private const string RelationshipsPart = "xl/_rels/workbook.xml.rels";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>What a zip file starts with: a local file header, or the end record of an empty archive.</summary>
    private static readonly byte[][] ZipSignatures = ["PK\u0003\u0004"u8.ToArray(), "PK\u0005\u0006"u8.ToArray()];

    /// <summary>How the parts read for the checks are parsed: no DTD, nothing fetched, only elements and text.</summary>
    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly Stream _stream;
    private readonly long _start;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    private XlsxPackage(Stream stream, long start, ZipArchive zip)
    {
        _stream = stream;
        _start = start;
        Zip = zip;
        foreach (var entry in zip.Entries)
        {
            _entries.TryAdd(entry.FullName.Replace('\\', '/'), entry);
        }
    }

    public ZipArchive Zip { get; }

    public bool Date1904 { get; private set; }

    /// <summary>The first sheet's part; null when the workbook does not say which it is, or names a part that is not there.</summary>
    public ZipArchiveEntry? FirstSheet { get; private set; }

    /// <summary>
    /// A part the workbook needs that the package lacks, to say why MiniExcel could not read it: MiniExcel finds a
    /// sheet without some of them, so their absence alone refuses nothing.
    /// </summary>
    public string? MissingPart { get; private set; }

    /// <summary>Opens the package of a seekable stream; a file that is no zip package is refused saying which way it is not.</summary>
    public static XlsxPackage Open(Stream stream)
    {
        var start = stream.Position;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            stream.Position = start;
            throw new FeedFileException($"不是可读取的 xlsx 工作簿（{(StartsAsZip(stream) ? "zip 压缩包不完整或已损坏，可能在复制或下载时被截断" : "不是 zip 格式的文件，而 xlsx 工作簿是 zip 压缩包")}）", e);
        }
        var package = new XlsxPackage(stream, start, zip);
        try
        {
            package.ReadWorkbook();
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>A part by name as MiniExcel looks it up: any case, either slash.</summary>
    public ZipArchiveEntry? Entry(string name) => _entries.GetValueOrDefault(name);

    /// <summary>An XML reader over a part, naming the part in the exceptions it throws (<see cref="ReadFailure"/>).</summary>
    public static XmlReader OpenXml(ZipArchiveEntry part) => XmlReader.Create(part.Open(), ReaderSettings, part.FullName);

    public void Dispose()
    {
        Zip.Dispose();
        _stream.Position = _start;
    }

    private static bool StartsAsZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position -= read;
        foreach (var signature in ZipSignatures)
        {
            if (head[..read].SequenceEqual(signature))
            {
                return true;
            }
        }
        return false;
    }

    private void ReadWorkbook()
    {
        if (Entry(WorkbookPart) is not { } workbook)
        {
            MissingPart = WorkbookPart;
            return;
        }
        var id = ReadWorkbook(workbook);
        if (id is null || Entry(RelationshipsPart) is not { } relationships)
        {
            return;
        }
        try
        {
            using var reader = OpenXml(relationships);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id)
                {
                    var target = reader.GetAttribute("Target") ?? "";
                    var name = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    FirstSheet = Entry(name);
                    MissingPart = FirstSheet is null ? $"第一个工作表 {name}" : null;
                    return;
                }
            }
        }
        catch (XmlException)
        {
            // MiniExcel says what it makes of relationships it cannot read, when it reads the workbook.
        }
    }

    /// <summary>
    /// Reads the date system and returns the first sheet's relationship id. The date system is settled before the
    /// sheets (workbookPr comes before them when it is there at all), and damage after that is left to MiniExcel.
    /// </summary>
    private string? ReadWorkbook(ZipArchiveEntry workbook)
    {
        bool? date1904 = null;
        try
        {
            using var reader = OpenXml(workbook);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (date1904 is null && reader.NamespaceURI == Main)
                {
                    if (reader.LocalName == "workbookPr")
                    {
                        date1904 = reader.GetAttribute("date1904")?.Trim() is "1" or "true";
                    }
                    else if (reader.LocalName == "sheets")
                    {
                        date1904 = false;
                    }
                }
                if (reader.LocalName == "sheet" && RelationshipId(reader) is { } id)
                {
                    return id;
                }
            }
            return null;
        }
        catch (XmlException) when (date1904 is not null)
        {
            return null;
        }
        finally
        {
            Date1904 = date1904 ?? false;
        }
    }

    /// <summary>The sheet's <c>r:id</c>: the attribute named id in the relationships namespace, whichever of its two URIs the file uses.</summary>
    private static string? RelationshipId(XmlReader reader)
    {
        while (reader.MoveToNextAttribute())
        {
            if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0)
            {
                return reader.Value;
            }
        }
        return null;
    }
}
