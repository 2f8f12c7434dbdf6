namespace Compliance.Host.Tests;

/// <summary>Paths inside the checkout, found by walking up from the test binaries to Compliance.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Samples => Path.Combine(Root, "samples");

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
