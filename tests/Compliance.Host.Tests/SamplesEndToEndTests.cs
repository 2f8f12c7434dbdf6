using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compliance.Host.Tests;

/// <summary>The README's main command: the shipped rules over the shipped samples, as of 2025-11-03.</summary>
public sealed partial class SamplesEndToEndTests : IDisposable
{
    /// <summary>Every finding code of checks.md: the samples are meant to show each at least once.</summary>
    private static readonly string[] BuiltInCodes =
    [
        "case.overdue-statutory", "case.overdue-promised", "case.due-soon",
        "stage.overdue", "stage.due-soon", "stage.out-of-order",
        "fee.unknown", "fee.not-in-force", "fee.abolished", "fee.exempt-charged", "fee.out-of-scope",
        "fee.over-standard", "fee.unauthorized-collector", "fee.free-item-charged", "fee.duplicate",
        "unit.warning-talk",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_Samples_CompletesAndWritesTheThreeFiles()
    {
        var outcome = RunSamples("first");

        outcome.ShouldExit(ExitCode.Completed);
        File.Exists(_temp.Sub("first/findings.jsonl")).Should().BeTrue();
        File.Exists(_temp.Sub("first/rejects.csv")).Should().BeTrue();
        File.Exists(_temp.Sub("first/summary.json")).Should().BeTrue();
    }

    [Fact]
    public void Run_Samples_RaisesEveryBuiltInCode()
    {
        RunSamples("out").ShouldExit(ExitCode.Completed);

        var rules = File.ReadLines(_temp.Sub("out/findings.jsonl"))
            .Select(line => RuleOf().Match(line).Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        rules.Should().Contain(BuiltInCodes);
    }

    [Fact]
    public void Run_SamplesTwice_WritesTheSameBytesExceptDuration()
    {
        RunSamples("first").ShouldExit(ExitCode.Completed);
        RunSamples("second").ShouldExit(ExitCode.Completed);

        File.ReadAllBytes(_temp.Sub("second/findings.jsonl")).Should().Equal(File.ReadAllBytes(_temp.Sub("first/findings.jsonl")));
        File.ReadAllBytes(_temp.Sub("second/rejects.csv")).Should().Equal(File.ReadAllBytes(_temp.Sub("first/rejects.csv")));
        WithoutDuration(_temp.Sub("second/summary.json")).Should().Be(WithoutDuration(_temp.Sub("first/summary.json")));
    }

    [Fact]
    public void Run_Samples_FindingsSortedBySubjectThenCode()
    {
        RunSamples("out").ShouldExit(ExitCode.Completed);

        var keys = File.ReadLines(_temp.Sub("out/findings.jsonl"))
            .Select(line =>
            {
                using var finding = JsonDocument.Parse(line);
                return (Subject: finding.RootElement.GetProperty("subject").GetString()!, Rule: finding.RootElement.GetProperty("rule").GetString()!);
            })
            .ToList();

        keys.Select(k => k.Subject).Distinct().Should().HaveCountGreaterThan(1);
        keys.Should().BeInAscendingOrder(Comparer<(string Subject, string Rule)>.Create((a, b) =>
        {
            var bySubject = string.CompareOrdinal(a.Subject, b.Subject);
            return bySubject != 0 ? bySubject : string.CompareOrdinal(a.Rule, b.Rule);
        }));
    }

    [Fact]
    public void Run_Samples_SummaryCountsWhatTheOtherFilesHold()
    {
        RunSamples("out").ShouldExit(ExitCode.Completed);

        var findings = File.ReadAllLines(_temp.Sub("out/findings.jsonl"));
        var rejectLines = File.ReadAllLines(_temp.Sub("out/rejects.csv")).Length - 1;
        using var summary = JsonDocument.Parse(File.ReadAllText(_temp.Sub("out/summary.json")));
        var counts = summary.RootElement.GetProperty("findings");

        counts.GetProperty("total").GetInt32().Should().Be(findings.Length);
        counts.GetProperty("bySeverity").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(findings.Length);
        counts.GetProperty("byCode").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(findings.Length);
        counts.GetProperty("byUnit").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(findings.Length);
        summary.RootElement.GetProperty("rejects").GetInt32().Should().Be(rejectLines).And.BePositive();
        summary.RootElement.GetProperty("feeds").EnumerateObject().Sum(f => f.Value.GetProperty("rejected").GetInt32())
            .Should().Be(rejectLines, "every sample reject is a row, and a row is rejected once");
    }

    [Fact]
    public void Run_SamplesWithFailOnRed_Exits1()
    {
        RunSamples("out", "--fail-on", "red").ShouldExit(ExitCode.FailOnReached);
    }

    [Fact]
    public void Run_SamplesWithStrict_Exits3BecauseSamplesHoldBadRows()
    {
        RunSamples("out", "--strict", "--fail-on", "red").ShouldExit(ExitCode.StrictRejected);
        File.ReadLines(_temp.Sub("out/rejects.csv")).Skip(1).Should().NotBeEmpty();
    }

    private CliOutcome RunSamples(string outName, params string[] extra)
    {
        string[] args =
        [
            "check", "--rules", Repository.Rules, "--data", Repository.Samples, "--as-of", "2025-11-03",
            "--out", _temp.Sub(outName), .. extra,
        ];
        return Cli.Run(args);
    }

    private static string WithoutDuration(string path)
    {
        var text = File.ReadAllText(path);
        DurationMs().IsMatch(text).Should().BeTrue("summary.json must carry durationMs");
        return DurationMs().Replace(text, "");
    }

    [GeneratedRegex("^\\{\"rule\":\"([^\"]+)\"")]
    private static partial Regex RuleOf();

    [GeneratedRegex("\n  \"durationMs\": \\d+\n")]
    private static partial Regex DurationMs();
}
