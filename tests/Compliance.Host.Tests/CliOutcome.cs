namespace Compliance.Host.Tests;

/// <summary>What one in-process run of the command line gave back.</summary>
internal sealed record CliOutcome(int ExitCode, string Stdout, string Stderr);
