namespace Compliance.Engine.Calendar;

/// <summary>How the calendar classifies a date.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday, not listed.</summary>
    Workday,

    /// <summary>Saturday or Sunday, not listed.</summary>
    Weekend,

    /// <summary>Listed with isOffDay = true: 法定节假日.</summary>
    Holiday,

    /// <summary>Listed with isOffDay = false: 调休上班.</summary>
    MakeUpWorkday,
}
