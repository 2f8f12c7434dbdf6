using System.Diagnostics;
using System.Globalization;

namespace Compliance.Host.Bench;

/// <summary>
/// Runs this program again as a child process and measures it from outside: wall time, processor time (user and
/// system, <see cref="ChildrenCpu"/>; null without /proc), and peak resident memory polled from /proc (VmHWM only
/// grows, so the last reading is the peak to within one poll).
/// </summary>
internal sealed record ChildRun(int ExitCode, TimeSpan Elapsed, TimeSpan? Cpu, long PeakRssBytes, string Stdout, string Stderr)
{
    /// <param name="environment">Variables to set for the child, e.g. a runtime setting for this run only.</param>
    public static ChildRun Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = SelfStartInfo();
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var cpuBefore = ChildrenCpu.Now();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadPeak(process.Id));
        }
        process.WaitForExit();
        watch.Stop();
        var cpu = ChildrenCpu.Now() - cpuBefore;
        return new ChildRun(process.ExitCode, watch.Elapsed, cpu, peak, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(ChildRun).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(host) { ArgumentList = { entry } }
            : new ProcessStartInfo(host);
    }

    private static long ReadPeak(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two polls.
        }
        return 0;
    }
}
