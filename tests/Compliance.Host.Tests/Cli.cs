namespace Compliance.Host.Tests;

/// <summary>Runs the command line in-process with captured output and a fixed clock.</summary>
internal static class Cli
{
    /// <summary>2025-11-03 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2025, 11, 3, 2, 0, 0, TimeSpan.Zero);

    public static CliOutcome Run(params string[] args) => RunAt(Now, args);

    public static CliOutcome RunAt(DateTimeOffset now, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ComplianceCli.Run(args, stdout, stderr, new FixedClock(now));
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the exit status, showing stderr when it differs so a failure explains itself.</summary>
    public static CliOutcome ShouldExit(this CliOutcome outcome, int expected)
    {
        outcome.ExitCode.Should().Be(expected, "stderr was: {0}", outcome.Stderr);
        return outcome;
    }
}
