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
    public void Describe_NothingPrecompiled_SaysPlainBuild()
    {
        using var folder = new TempFolder();
        File.Copy(Plain, folder.Sub("Compliance.Engine.dll"));
        File.Copy(typeof(BuildForm).Assembly.Location, folder.Sub("compliance.dll"));

        BuildForm.Describe(folder.Path).Should().StartWith("build: plain");
    }

    [Fact]
    public void Describe_SomePrecompiled_NamesTheOthers()
    {
        using var folder = new TempFolder();
        File.Copy(Plain, folder.Sub("Compliance.Engine.dll"));
        File.Copy(Precompiled, folder.Sub("Newtonsoft.Json.dll"));
        File.Copy(Precompiled, folder.Sub("compliance.dll"));

        BuildForm.Describe(folder.Path).Should().Be("build: published, precompiled but for Compliance.Engine");
    }

    [Fact]
    public void Describe_AllPrecompiledInCompositeImage_SaysComposite()
    {
        using var folder = new TempFolder();
        File.Copy(Precompiled, folder.Sub("Compliance.Engine.dll"));
        File.Copy(Precompiled, folder.Sub("compliance.dll"));
        File.Copy(Precompiled, folder.Sub("compliance.r2r.dll"));

        BuildForm.Describe(folder.Path).Should().Be("build: published, every assembly precompiled into one composite image");
    }

    [Fact]
    public void Describe_AllPrecompiledWithoutCompositeImage_SaysEvery()
    {
        using var folder = new TempFolder();
        File.Copy(Precompiled, folder.Sub("Compliance.Engine.dll"));
        File.Copy(Precompiled, folder.Sub("compliance.dll"));

        BuildForm.Describe(folder.Path).Should().Be("build: published, every assembly precompiled");
    }
}
