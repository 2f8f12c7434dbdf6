using Compliance.Engine.Ingest;
using Compliance.Host.Bench;

namespace Compliance.Host.Tests.Bench;

public class BuildFormTests
{
    // The runtime's own assemblies ship precompiled; the program's, as the tests build them, do not.
    private static readonly string Precompiled = typeof(object).Assembly.Location;
    private static readonly string Plain = typeof(FeedData).Assembly.Location;

    [Fact]
    public void IsPrecompiled_RuntimeAssembly_True() => BuildForm.IsPrecompiled(Precompiled).Should().BeTrue();

    [Fact]
    public void IsPrecompiled_AssemblyAsBuilt_False() => BuildForm.IsPrecompiled(Plain).Should().BeFalse();

    [Fact]
    public void Describe_NothingPrecompiled_SaysPlainBuild() =>
        DescribeFolderOf(("Compliance.Engine.dll", Plain), ("compliance.dll", typeof(BuildForm).Assembly.Location))
            .Should().StartWith("build: plain");

    [Fact]
    public void Describe_SomePrecompiled_NamesTheOthers() =>
        DescribeFolderOf(("Compliance.Engine.dll", Plain), ("Newtonsoft.Json.dll", Precompiled), ("compliance.dll", Precompiled))
            .Should().Be("build: published, precompiled but for Compliance.Engine");

    [Fact]
    public void Describe_AllPrecompiledInCompositeImage_SaysComposite() =>
        DescribeFolderOf(("Compliance.Engine.dll", Precompiled), ("compliance.dll", Precompiled), ("compliance.r2r.dll", Precompiled))
            .Should().Be("build: published, every assembly precompiled into one composite image");

    [Fact]
    public void Describe_AllPrecompiledWithoutCompositeImage_SaysEvery() =>
        DescribeFolderOf(("Compliance.Engine.dll", Precompiled), ("compliance.dll", Precompiled))
            .Should().Be("build: published, every assembly precompiled");

    /// <summary>Describes a folder holding copies of the given assemblies under the given names.</summary>
    private static string DescribeFolderOf(params (string Name, string From)[] files)
    {
        using var folder = new TempFolder();
        foreach (var (name, from) in files)
        {
            File.Copy(from, folder.Sub(name));
        }
        return BuildForm.Describe(folder.Path);
    }
}
