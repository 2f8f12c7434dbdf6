namespace Compliance.Host;

/// <summary>The exit statuses of findings.md.</summary>
internal static class ExitCode
{
    /// <summary>The run completed.</summary>
    public const int Completed = 0;

    /// <summary>The run completed and some finding is at or above <c>--fail-on</c>.</summary>
    public const int FailOnReached = 1;

    /// <summary>Nothing was judged: bad arguments, a refused rule set, an unreadable folder.</summary>
    public const int NothingJudged = 2;

    /// <summary>The run completed but, with <c>--strict</c>, some row or file was rejected. Beats <see cref="FailOnReached"/>.</summary>
    public const int StrictRejected = 3;
}
