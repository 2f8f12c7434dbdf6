using System.Reflection.PortableExecutable;

namespace Compliance.Host.Bench;

/// <summary>
/// Which of the program's assemblies are precompiled (ReadyToRun): a published build precompiles every assembly,
/// the runtime's with the program's, into one composite image; a plain build nothing; and the figures differ. The
/// benchmark says which it measured.
/// </summary>
internal static class BuildForm
{
    /// <summary>How a composite image is named: after the program, beside the assemblies it holds the code of.</summary>
    private const string CompositeSuffix = ".r2r.dll";

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
        if (compiledAtRunTime.Count == assemblies.Count)
        {
            return "build: plain, nothing precompiled (bench/run measures the published build)";
        }
        if (compiledAtRunTime.Count > 0)
        {
            return $"build: published, precompiled but for {string.Join(", ", compiledAtRunTime)}";
        }
        // A composite build compiles the runtime's assemblies and the program's together into one image beside them.
        return assemblies.Any(a => a.EndsWith(CompositeSuffix, StringComparison.Ordinal))
            ? "build: published, every assembly precompiled into one composite image"
            : "build: published, every assembly precompiled";
    }
}
