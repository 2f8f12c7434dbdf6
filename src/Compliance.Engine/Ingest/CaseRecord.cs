namespace Compliance.Engine.Ingest;

/// <summary>One row of cases.csv (办件). Dates are local dates; the time of day is dropped at ingest.</summary>
/// <remarks>
/// The optional date and limits are kept as plain ints, each with one value standing for "none": a nullable takes
/// twice the room of its value, and a check holds a million of these (16 bytes a record, 16 MB at a million).
/// </remarks>
public sealed record CaseRecord
{
    private const int NoDay = -1;
    private const int NoLimit = int.MinValue;

    private readonly int _decidedDay = NoDay;
    private readonly int _statutoryLimit = NoLimit;
    private readonly int _promisedLimit = NoLimit;

    public required string CaseId { get; init; }
    public required string ItemCode { get; init; }
    public string? ItemName { get; init; }
    public required string UnitCode { get; init; }
    public string? UnitName { get; init; }
    public string? Applicant { get; init; }
    public string? ApplicantType { get; init; }
    public required DateOnly AcceptedOn { get; init; }

    public DateOnly? DecidedOn
    {
        get => _decidedDay == NoDay ? null : DateOnly.FromDayNumber(_decidedDay);
        init => _decidedDay = value?.DayNumber ?? NoDay;
    }

    /// <exception cref="ArgumentOutOfRangeException"><see cref="int.MinValue"/>, which stands for no limit.</exception>
    public int? StatutoryLimit
    {
        get => _statutoryLimit == NoLimit ? null : _statutoryLimit;
        init => _statutoryLimit = Limit(value);
    }

    /// <exception cref="ArgumentOutOfRangeException"><see cref="int.MinValue"/>, which stands for no limit.</exception>
    public int? PromisedLimit
    {
        get => _promisedLimit == NoLimit ? null : _promisedLimit;
        init => _promisedLimit = Limit(value);
    }

    /// <summary>As written in the feed, or derived from <see cref="DecidedOn"/> when the column is empty.</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>Physical line where the row starts (header = 1); for JSON the line of the object's opening brace, for XLSX the sheet row.</summary>
    public int Line { get; init; }

    private static int Limit(int? days)
    {
        if (days == NoLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A limit of int.MinValue days is not a limit.");
        }
        return days ?? NoLimit;
    }
}
