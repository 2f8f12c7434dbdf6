using System.Text;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Tests.Findings;

public sealed class PreviousSummaryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("previous-summary-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_WrittenSummary_GivesItsLabelInputsAsOfAndCalendarGaps()
    {
        var path = WriteFile(Summary());

        var summary = PreviousSummary.Read(path);

        summary.Label.Should().Be("2026-01+3f2a9c1e");
        summary.Inputs.Should().Equal("cases|cases.csv|aa", "charges|charges.csv|bb");
        summary.AsOf.Should().Be("2025-11-03");
        summary.CalendarMissing.Should().ContainKey(2027).WhoseValue.Should().Equal("case:Y", "case:Z");
        PreviousSummary.TryQuick(File.ReadAllBytes(path)).Should().NotBeNull();
    }

    [Fact]
    public void Read_NotJson_ThrowsWhatNewtonsoftThrows()
    {
        var path = WriteFile("{\"asOf\": ");

        var read = () => PreviousSummary.Read(path);

        read.Should().Throw<JsonReaderException>();
    }

    [Fact]
    public void Read_LabelNewtonsoftTakesForADate_GivesNewtonsoftsText()
    {
        var path = WriteFile(Summary().Replace("2026-01+3f2a9c1e", "2025-11-03T00:00:00", StringComparison.Ordinal));

        PreviousSummary.Read(path).Label.Should().Be((string?)JObject.Parse(File.ReadAllText(path))["ruleSet"]!["label"]);
    }

    [Fact]
    public void TryQuick_MutatedSummaries_NeverDisagreesWithTheJObject()
    {
        var original = Summary();
        var random = new Random(3);
        string[] inserts = ["{", "}", "[", "]", ",", ":", "\"", " ", "null", "1", "/**/", "\"x\":1,", "T00:00:00", "/Date(1)/", "\"2027\":[],"];
        var taken = 0;
        for (var m = 0; m < 3000; m++)
        {
            var at = random.Next(original.Length);
            var text = random.Next(2) == 0
                ? original.Insert(at, inserts[random.Next(inserts.Length)])
                : original.Remove(at, Math.Min(random.Next(1, 6), original.Length - at));
            var quick = PreviousSummary.TryQuick(Encoding.UTF8.GetBytes(text));
            if (quick is null)
            {
                continue;
            }
            taken++;
            var parsed = PreviousSummary.Parsed(JObject.Parse(text));
            quick.Label.Should().Be(parsed.Label, text);
            quick.Inputs.Should().Equal(parsed.Inputs, text);
            quick.AsOf.Should().Be(parsed.AsOf, text);
            quick.CalendarMissing.Should().BeEquivalentTo(parsed.CalendarMissing, text);
        }
        taken.Should().BePositive();
    }

    private static string Summary()
    {
        var data = new FeedData();
        data.Files.Add(new InputFile("charges", "charges.csv", "bb", "utf-8"));
        data.Files.Add(new InputFile("cases", "cases.csv", "aa", "utf-8"));
        var result = Some.Result(Some.Finding());
        result.CalendarMissing[2027] = ["case:Z", "case:Y"];
        result.OrphanCharges.AddRange(["C2", "C1"]);
        return OutputBytes.Text(s => SummaryWriter.Write(s, new DateOnly(2025, 11, 3), Some.RuleSet(), data, result, 5));
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(_directory, SummaryWriter.FileName);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
