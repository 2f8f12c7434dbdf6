using Compliance.Engine.Catalog;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>The rule set the project ships in <c>rules/</c>, found from the test binaries and loaded once.</summary>
internal static class ShippedRules
{
    private static readonly Lazy<RuleSet> Loaded = new(() => RuleSetLoader.Load(Directory));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "rules");

    public static RuleSet RuleSet => Loaded.Value;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Compliance.sln above {AppContext.BaseDirectory}");
    }
}
