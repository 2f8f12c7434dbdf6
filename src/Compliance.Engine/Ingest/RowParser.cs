using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Turns one row of a feed into a record, or names the row's first problem. Fields are checked in the feed's
/// column order; a check that compares two fields (end before start) belongs to the later one. Keys and
/// duplicates are the reader's business, with <see cref="KeyOf"/> and <see cref="SameContent"/> from here.
/// Parsing depends on the row alone (and on records accepted before the file, which do not change while it is
/// read), so rows may be parsed on another thread than the one that accepts them; each thread has its own parser.
/// </summary>
internal abstract class RowParser<TRecord>
    where TRecord : class
{
    // One pool per field: a field's few codes stay in a small table that stays in the cache, instead of sharing
    // one with a field of a hundred thousand names. Made on first use, as the schema is the subclass's.
    private StringPool?[] _pools = [];

    public abstract FeedSchema Schema { get; }

    /// <summary>The schema field a duplicate-key reject points at.</summary>
    public virtual int KeyField => 0;

    public abstract bool TryParse(FieldRow row, [NotNullWhen(true)] out TRecord? record, out RowProblem problem);

    /// <summary>
    /// Called before the next rows of a batch are parsed, with the view they will be parsed through: a parser may
    /// read ahead, for all of them at once, what parsing them will look up. It must not change what parsing gives.
    /// </summary>
    public virtual void Prepare(ReadOnlySpan<RawRow> rows, FieldRow view)
    {
    }

    /// <summary>Whether the feed's records have a key (<see cref="KeyOf"/> gives one).</summary>
    public bool HasKey => Key is not null;

    /// <summary>
    /// How a record's unique key is read from it; null for a feed without one. A function of the record alone, no
    /// parser's: the key table judging keeps holds it, and must not hold the parser's string pools with it.
    /// </summary>
    public virtual Func<TRecord, string>? Key => null;

    /// <summary>The record's unique key, or null for a feed without one.</summary>
    public string? KeyOf(TRecord record) => Key?.Invoke(record);

    /// <summary>The key as a user reads it, for the duplicate message.</summary>
    public virtual string DescribeKey(TRecord record) => KeyOf(record) ?? "";

    /// <summary>Whether two records with one key say the same thing (then the later one is counted once, not rejected).</summary>
    public abstract bool SameContent(TRecord first, TRecord second);

    public abstract int LineOf(TRecord record);

    protected string Label(int field) => Schema.Columns[field].Chinese;

    protected RowProblem Missing(int field) =>
        new(field, RejectReason.MissingRequired, $"必填项“{Label(field)}”为空");

    protected RowProblem Unknown(int field, ReadOnlySpan<char> value, string expected) =>
        new(field, RejectReason.UnknownValue, $"“{Label(field)}”的值“{value}”无法识别，应为{expected}");

    protected RowProblem EndBeforeStart(int endField, int startField) =>
        new(endField, RejectReason.EndBeforeStart, $"“{Label(endField)}”早于“{Label(startField)}”");

    /// <summary>A text field: required ones must not be empty; pooled ones share one instance per distinct value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected bool TryText(FieldRow row, int field, bool required, bool pooled, out string? value, out RowProblem problem)
    {
        var span = row[field];
        problem = default;
        if (span.IsEmpty)
        {
            value = null;
            if (required)
            {
                problem = Missing(field);
                return false;
            }
            return true;
        }
        value = pooled ? Pooled(field, span) : span.ToString();
        return true;
    }

    /// <summary>The one instance of <paramref name="value"/> this parser hands out for <paramref name="field"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected string Pooled(int field, ReadOnlySpan<char> value)
    {
        if (field >= _pools.Length)
        {
            Array.Resize(ref _pools, Schema.Columns.Count);
        }
        return (_pools[field] ??= new StringPool()).Get(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected bool TryDate(FieldRow row, int field, bool required, out DateOnly? value, out RowProblem problem)
    {
        var span = row[field];
        problem = default;
        value = null;
        if (span.IsEmpty)
        {
            if (required)
            {
                problem = Missing(field);
                return false;
            }
            return true;
        }
        if (!DateParser.TryParse(span, out var date))
        {
            problem = new RowProblem(field, RejectReason.BadDate,
                $"“{Label(field)}”的值“{span}”不是有效日期（如 2025-10-30、2025/10/30、20251030、2025年10月30日，可带时间）");
            return false;
        }
        value = date;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected bool TryDays(FieldRow row, int field, out int? value, out RowProblem problem)
    {
        var span = row[field];
        problem = default;
        value = null;
        if (span.IsEmpty)
        {
            return true;
        }
        if (!DayCountParser.TryParse(span, out var days))
        {
            problem = new RowProblem(field, RejectReason.BadNumber, $"“{Label(field)}”的值“{span}”不是非负整数天数");
            return false;
        }
        value = days;
        return true;
    }
}
