using System.Globalization;
using System.Xml;
using MiniExcelLibs;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The first sheet of a workbook through MiniExcel; the first row that is not blank holds the headers. MiniExcel
/// yields every sheet row from row 1, gaps included, so a row's line is its sheet row number. Numeric cells are
/// binary floating point in the file itself; they are written out as Excel shows them in General format at full
/// precision (<see cref="GeneralText"/>) and then parsed like text, so a formula's 88.00000000000001 reads as the
/// 88 the user sees. Cells with a date format come from MiniExcel as dates and become <c>yyyy-MM-dd HH:mm:ss</c>, in
/// the workbook's own date system (<see cref="WorkbookDates"/>). Text cells pointing outside the shared-string
/// table, which MiniExcel would read as empty, refuse the workbook first (<see cref="XlsxSharedStringCheck"/>).
/// </summary>
internal sealed class XlsxFeedSource : FeedSource
{
    private readonly IEnumerator<object> _rows;
    private readonly WorkbookDates _dates;
    private readonly List<string> _headers = [];
    private readonly List<string> _letters = [];
    private int _line;

    public XlsxFeedSource(Stream stream)
    {
        XlsxPackage? package = null;
        try
        {
            using (package = XlsxPackage.Open(stream))
            {
                XlsxSharedStringCheck.Check(package);
                _dates = WorkbookDates.Of(stream, package);
            }
            _rows = _dates.Workbook.Query(useHeaderRow: false).GetEnumerator();
            ReadHeader();
        }
        catch (Exception e) when (e is not FeedFileException)
        {
            // A part the package lacks is why MiniExcel failed, unless what failed is XML it could read.
            var reason = e is not XmlException && package?.MissingPart is { } part ? $"压缩包中缺少 {part}" : ReadFailure.Reason(e);
            throw new FeedFileException($"不是可读取的 xlsx 工作簿（{reason}）", e);
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override bool MoveNext(RawRow row)
    {
        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
            _line++;
            var cells = (IDictionary<string, object?>)_rows.Current;
            row.Start(_line);
            foreach (var letter in _letters)
            {
                row.Add(cells.TryGetValue(letter, out var value) ? ToText(_dates.Day(value)) : "");
            }
            return true;
        }
        catch (Exception e)
        {
            throw new FeedFileException($"第 {_line} 行之后的内容无法读取（{ReadFailure.Reason(e)}）", e);
        }
    }

    public override void Dispose()
    {
        _rows.Dispose();
        _dates.Dispose();
    }

    private void ReadHeader()
    {
        while (_rows.MoveNext())
        {
            _line++;
            var cells = (IDictionary<string, object?>)_rows.Current;
            var blank = true;
            foreach (var value in cells.Values)
            {
                if (!string.IsNullOrWhiteSpace(ToText(value)))
                {
                    blank = false;
                    break;
                }
            }
            if (blank)
            {
                continue;
            }
            foreach (var (letter, value) in cells)
            {
                _letters.Add(letter);
                _headers.Add(ToText(value));
            }
            return;
        }
    }

    internal static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => GeneralText(d),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The number rounded to the 15 significant digits Excel keeps and shows, in plain notation without trailing
    /// zeros: binary noise such as 0.1 + 0.2 = 0.30000000000000004 is dropped, while an id of up to 15 digits
    /// stays whole and never turns into an exponent form. The conversion to decimal does exactly that rounding;
    /// beyond decimal's range a number is no amount, id or count, and is written as the runtime writes it.
    /// </summary>
    private static string GeneralText(double value) =>
        Math.Abs(value) < 7.9e28
            ? ((decimal)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
