using Compliance.Engine.Catalog;

namespace Compliance.Host.Tests.Generation;

/// <summary>The checkout's shipped rules and samples, found by walking up from the test binaries to Compliance.sln.</summary>
internal static class GenerationPaths
{
    private static readonly Lazy<RuleSet> Shipped = new(() => RuleSetLoader.Load(Rules));

    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shipped rule set, loaded once.</summary>
    public static RuleSet ShippedRules => Shipped.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Compliance.sln above {AppContext.BaseDirectory}.");
    }
}
