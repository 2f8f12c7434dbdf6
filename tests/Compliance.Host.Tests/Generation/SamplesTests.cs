using System.Text.RegularExpressions;
using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>samples/ is exactly what the generator writes with <see cref="SampleData"/>, and its README's counts say so.</summary>
public sealed partial class SamplesTests : IClassFixture<SampleSizedDataSet>
{
    private static readonly string[] Files = ["cases.csv", "procedures.csv", "charges.csv", "stages.csv"];

    private readonly SampleSizedDataSet _fresh;

    public SamplesTests(SampleSizedDataSet fresh) => _fresh = fresh;

    [Fact]
    public void Samples_AreTheGeneratorsOutput_ByteForByte()
    {
        foreach (var file in Files)
        {
            var shipped = File.ReadAllBytes(Path.Combine(GenerationPaths.Samples, file));
            shipped.Should().Equal(File.ReadAllBytes(Path.Combine(_fresh.Folder, file)), $"samples/{file} must be regenerated, not edited");
        }
    }

    [Fact]
    public void SamplesReadme_CountsEveryFindingCode()
    {
        var table = ReadmeCounts();

        foreach (var (code, count) in _fresh.Summary.FindingCounts())
        {
            table.Should().Contain(code, count.ToString(System.Globalization.CultureInfo.InvariantCulture), code);
        }
    }

    [Fact]
    public void SamplesReadme_CountsEveryRejectReason()
    {
        var table = ReadmeCounts();

        foreach (var (reason, count) in _fresh.Summary.RejectCounts())
        {
            table.Should().Contain(reason, count.ToString(System.Globalization.CultureInfo.InvariantCulture), reason);
        }
    }

    /// <summary>Rows of the README's tables written as <c>| `code` | count |</c>.</summary>
    private static Dictionary<string, string> ReadmeCounts()
    {
        var readme = File.ReadAllText(Path.Combine(GenerationPaths.Samples, "README.md"));
        return CountRow().Matches(readme).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\| `([a-z.-]+)` \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex CountRow();
}
