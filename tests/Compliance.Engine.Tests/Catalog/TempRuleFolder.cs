using System.Text;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>
/// A small rule folder in a temporary directory. <see cref="Valid"/> holds the least a rule set needs, so a test
/// writes only the file it is about.
/// </summary>
internal sealed class TempRuleFolder : IDisposable
{
    public const string ItemsJson = """
        { "items": [
          { "code": "X0101", "name": "企业设立登记", "statutoryLimit": 20, "promisedLimit": 5 }
        ] }
        """;

    public const string FeesJson = """
        { "version": "t1",
          "fees": [
            { "code": "F0101", "name": "测试费", "basis": "测试依据",
              "periods": [ { "from": "2020-01-01", "max": 10.00 } ] }
          ] }
        """;

    public const string Calendar2025Json = """
        { "year": 2025, "papers": [],
          "days": [
            { "name": "国庆节", "date": "2025-10-01", "isOffDay": true },
            { "name": "国庆节", "date": "2025-10-11", "isOffDay": false }
          ] }
        """;

    private TempRuleFolder()
    {
        Directory = Path.Combine(Path.GetTempPath(), "compliance-catalog-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>An empty folder: not a valid rule set.</summary>
    public static TempRuleFolder Empty() => new();

    /// <summary>items.json, fees.json and one calendar: a valid rule set.</summary>
    public static TempRuleFolder Valid() =>
        Empty()
            .Write("items.json", ItemsJson)
            .Write("fees.json", FeesJson)
            .Write("calendars/2025.json", Calendar2025Json);

    public TempRuleFolder Write(string relativePath, string text) =>
        WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TempRuleFolder WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TempRuleFolder Delete(string relativePath)
    {
        File.Delete(Path.Combine(Directory, relativePath));
        return this;
    }

    public RuleSetValidation Validate() => RuleSetLoader.Validate(Directory);

    public RuleSet Load() => RuleSetLoader.Load(Directory);

    /// <summary>Every problem as <c>file:line:column: message</c>.</summary>
    public IReadOnlyList<string> Problems() => [.. Validate().Problems.Select(p => p.ToString())];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would not be.
        }
    }
}
