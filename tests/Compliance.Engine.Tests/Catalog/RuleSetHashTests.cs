using System.Security.Cryptography;
using System.Text;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>The rule set's content hash: same bytes, same hash; any byte, path or file changed, a new one.</summary>
public sealed class RuleSetHashTests
{
    [Fact]
    public void Hash_FollowsTheDefinitionOverPathsAndBytesInOrdinalOrder()
    {
        using var folder = TempRuleFolder.Valid().Write("README.md", "说明");
        string[] ordinal = ["README.md", "calendars/2025.json", "fees.json", "items.json"];
        var contents = new Dictionary<string, string>
        {
            ["README.md"] = "说明",
            ["calendars/2025.json"] = TempRuleFolder.Calendar2025Json,
            ["fees.json"] = TempRuleFolder.FeesJson,
            ["items.json"] = TempRuleFolder.ItemsJson,
        };
        var stream = new List<byte>();
        foreach (var path in ordinal)
        {
            stream.AddRange(Encoding.UTF8.GetBytes(path));
            stream.Add(0);
            stream.AddRange(Encoding.UTF8.GetBytes(contents[path]));
            stream.Add(0);
        }
        var expected = Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()))[..8];

        folder.Load().Hash.Should().Be(expected);
    }

    [Fact]
    public void Hash_SameFolderLoadedTwice_IsTheSame()
    {
        using var folder = TempRuleFolder.Valid();

        folder.Load().Hash.Should().MatchRegex("^[0-9a-f]{8}$").And.Be(folder.Load().Hash);
    }

    [Fact]
    public void Hash_OneByteChanged_Changes()
    {
        using var folder = TempRuleFolder.Valid();
        var before = folder.Load().Hash;

        folder.Write("fees.json", TempRuleFolder.FeesJson.Replace("10.00", "10.01", StringComparison.Ordinal));

        folder.Load().Hash.Should().NotBe(before);
    }

    [Fact]
    public void Hash_FileRenamed_Changes()
    {
        using var folder = TempRuleFolder.Valid();
        var before = folder.Load().Hash;

        folder.Delete("calendars/2025.json").Write("calendars/2025-national.json", TempRuleFolder.Calendar2025Json);

        folder.Load().Hash.Should().NotBe(before);
    }

    [Fact]
    public void Hash_RuleTestsEdited_StaysTheSame()
    {
        using var folder = TempRuleFolder.Valid().Write("tests/one.json", "{}");
        var before = folder.Load().Hash;

        folder.Write("tests/one.json", "{ \"changed\": true }").Write("tests/two.json", "{}");

        folder.Load().Hash.Should().Be(before);
    }

    [Fact]
    public void Hash_FileAdded_Changes()
    {
        using var folder = TempRuleFolder.Valid();
        var before = folder.Load().Hash;

        folder.Write("calendars/NOTES.md", "本市调整说明");

        folder.Load().Hash.Should().NotBe(before);
    }
}
