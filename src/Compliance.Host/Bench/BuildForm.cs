using System.Reflection.PortableExecutable;

namespace Compliance.Host.Bench;

/// <summary>
/// Which of the program's assemblies are precompiled (ReadyToRun): a published build precompiles the code a run
/// executes only a few times, a plain build nothing, and the figures differ by about a tenth. The benchmark says which
/// it measured.
/// </summary>
internal static class BuildForm
{
    /// <summary>Whether the assembly file carries precompiled native code beside its IL.</summary>
    public static bool IsPrecompiled(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        // A ReadyToRun image points its CLI header's managed native header at the ReadyToRun header.
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>One line for the benchmark's report, from the assemblies in <paramref name="directory"/>.</summary>
    public static string Describe(string directory)
    {
        var assemblies = Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).ToList();
        var compiledAtRunTime = assemblies.Where(a => !IsPrecompiled(a)).Select(Path.GetFileNameWithoutExtension).ToList();
        return compiledAtRunTime.Count == assemblies.Count
            ? "build: plain, nothing precompiled (bench/run measures the published build)"
            : $"build: published, precompiled but for {string.Join(", ", compiledAtRunTime)}";
    }
}
