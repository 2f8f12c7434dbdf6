using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Host.Bench;

/// <summary>
/// <c>compliance bench-probe floor|load</c> (hidden): the pieces <c>bench</c> times in fresh processes — the
/// ingest floor of a data folder, and a cold rule-set load and compile.
/// </summary>
internal static class BenchProbeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var mode = new Argument<string>("mode") { Description = "floor | load" };
        mode.AcceptOnlyFromAmong("floor", "load");
        var path = new Argument<string>("dir") { Description = "data folder (floor) or rules folder (load)" };
        var command = new Command("bench-probe", "measure one piece for bench") { mode, path };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var dir = parse.GetRequiredValue(path);
            if (parse.GetRequiredValue(mode) == "floor")
            {
                var (rows, values, elapsed) = IngestFloor.Measure(dir);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} values={values} ms={elapsed.TotalMilliseconds:0}"));
            }
            else
            {
                var watch = Stopwatch.StartNew();
                var checker = Checker.Create(RuleSetLoader.Load(dir));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules={checker.Rules.Count} ms={watch.Elapsed.TotalMilliseconds:0}"));
            }
            return ExitCode.Completed;
        });
        return command;
    }
}
