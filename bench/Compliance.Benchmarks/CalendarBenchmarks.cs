using BenchmarkDotNet.Attributes;
using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Ingest;

namespace Compliance.Benchmarks;

/// <summary>Calendar arithmetic: O(1) counting through the prefix sum, whatever the clock's length.</summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private WorkingCalendar _calendar = null!;
    private CaseRecord _case = null!;
    private ProcedureRecord[] _procedures = null!;
    private Settings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchData.RuleSet.Calendar;
        _settings = BenchData.RuleSet.Settings;
        _case = new CaseRecord { CaseId = "XK", ItemCode = "X", UnitCode = "U01", AcceptedOn = new(2025, 9, 26), DecidedOn = new(2025, 11, 3), Status = CaseStatus.Decided };
        _procedures = [new ProcedureRecord { CaseId = "XK", Kind = ProcedureKind.Suspension, KindLabel = "专家评审", Start = new(2025, 10, 9), End = new(2025, 10, 15) }];
    }

    [Benchmark]
    public int WorkingDaysBetween() => _calendar.WorkingDaysBetween(new DateOnly(2025, 9, 26), new DateOnly(2025, 11, 3));

    [Benchmark]
    public DateOnly AddTwentyWorkingDays() => _calendar.AddWorkingDays(new DateOnly(2025, 9, 26), 20);

    [Benchmark]
    public int CaseClockWithSuspension() => CaseClock.Compute(_case, _procedures, null, _settings, _calendar, BenchData.AsOf, out _)!.Used;
}
