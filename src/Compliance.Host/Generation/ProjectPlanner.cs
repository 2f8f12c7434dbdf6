using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Generation;

/// <summary>
/// Plans and writes key projects, one row per stage. A compliant project runs forward: 立项 first, the other
/// stages after it, each stage with prerequisites only after all of them completed, every clock within its
/// limit (or open with more than its warning days left). A planted project is built back from the breaching
/// stage, so that its prerequisites complete before it starts unless the breach is that they do not.
/// </summary>
internal sealed class ProjectPlanner
{
    private static readonly string[] Areas = ["330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112"];
    private static readonly string[] Industries = ["48", "70", "44", "13", "39", "78", "59", "47"];
    private static readonly DateStyle[] Styles = [DateStyle.Iso, DateStyle.Chinese, DateStyle.Slash];
    private static readonly double[] StyleWeights = [0.8, 0.1, 0.1];

    private readonly GenerationContext _context;
    private readonly FeedOutput _stages;
    private readonly BadRowWriter _badRows;
    private readonly StageCatalog _catalog;
    private readonly IReadOnlyList<string> _order = [.. StageCatalog.CanonicalNames.Keys];
    private readonly Dictionary<string, List<StageLimit>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _aliases = new(StringComparer.Ordinal);

    public ProjectPlanner(GenerationContext context, FeedOutput stages, BadRowWriter badRows)
    {
        _context = context;
        _stages = stages;
        _badRows = badRows;
        _catalog = context.View.RuleSet.Stages;
        foreach (var stage in _order)
        {
            _entries[stage] = [.. _catalog.Limits.Where(l => l.Stage == stage)];
            _aliases[stage] = [.. _catalog.Aliases.Where(a => a.Value == stage).Select(a => a.Key).Order(StringComparer.Ordinal)];
        }
    }

    public int Written => _stages.DataRows;

    private SeededRandom Random => _context.Random;
    private CalendarMath Days => _context.Days;
    private DateOnly AsOf => _context.AsOf;
    private DateOnly Today => Days.RollBack(AsOf);

    /// <summary>The earliest start of a planted stage, leaving room for the prerequisites built back from it.</summary>
    private DateOnly EarliestAnchor
    {
        get
        {
            var roomy = _context.WindowStart.AddDays(200);
            return roomy < AsOf.AddDays(-90) ? roomy : _context.WindowStart;
        }
    }

    public void WriteCompliant()
    {
        var rows = new List<StageRow>();
        var completions = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        var first = _order[0];
        var projectStart = Days.RandomWorkingDay(Random, _context.WindowStart, Today);
        foreach (var stage in _order)
        {
            if (stage != first && !Random.Chance(0.9))
            {
                continue;
            }
            DateOnly start;
            if (stage == first)
            {
                start = projectStart;
            }
            else
            {
                var prerequisites = _catalog.PrerequisitesOf(stage);
                IReadOnlyList<string> after = prerequisites.Count > 0 ? prerequisites : [first];
                if (after.Any(p => completions.GetValueOrDefault(p) is null))
                {
                    continue;
                }
                start = Days.Roll(after.Max(p => completions[p]!.Value).AddDays(Random.Between(1, 20)));
            }
            if (start > AsOf)
            {
                continue;
            }
            var entry = PickEntry(stage);
            if (!Forward(entry, start, out var completed))
            {
                continue;
            }
            rows.Add(new StageRow(stage, entry, Random.Pick(_context.View.UnitsForStage(stage)), start, completed));
            completions[stage] = completed;
        }
        WriteProject(rows, plain: true);
        _context.Summary.AddVariant("project.compliant");
    }

    /// <summary>A project with one stage planted for <paramref name="kind"/>; false when the stage catalogue cannot host it.</summary>
    public bool WriteBreach(BreachKind kind, bool forced)
    {
        var rows = new Dictionary<string, StageRow>(StringComparer.Ordinal);
        string? missing = null;
        StageRow anchor;
        DateOnly occurred;
        var warnDefault = _context.WarnDays;
        if (kind == BreachKind.StageOutOfOrder)
        {
            var ordered = _order.Where(s => _catalog.PrerequisitesOf(s).Count > 0).ToList();
            if (ordered.Count == 0)
            {
                return false;
            }
            var stage = Random.Pick(ordered);
            var entry = PickEntry(stage);
            var start = Days.RandomWorkingDay(Random, EarliestAnchor, Days.RollBack(AsOf.AddDays(-20)));
            if (!Forward(entry, start, out var completed))
            {
                return false;
            }
            anchor = new StageRow(stage, entry, Random.Pick(_context.View.UnitsForStage(stage)), start, completed);
            occurred = start;
            var prerequisites = _catalog.PrerequisitesOf(stage);
            var late = Random.Pick(prerequisites);
            var how = forced ? 0 : Random.Weighted([0.5, 0.3, 0.2]);
            if (how == 1 && LateOpen(late) is { } open)
            {
                rows[late] = open;
            }
            else if (how != 2)
            {
                rows[late] = LateCompleted(late, start);
            }
            else
            {
                missing = late;
            }
            rows[stage] = anchor;
            foreach (var p in prerequisites)
            {
                if (p != late && p != _order[0])
                {
                    AddCompletedBefore(p, start, rows, 0);
                }
            }
        }
        else
        {
            var candidates = _catalog.Limits.Where(l => l.Limit is not null && StageCatalog.CanonicalNames.ContainsKey(l.Stage) && kind switch
            {
                BreachKind.StageOverdueWorking or BreachKind.StageDueSoonWorking => l.Unit == LimitUnit.Working,
                BreachKind.StageOverdueCalendar or BreachKind.StageDueSoonCalendar => l.Unit == LimitUnit.Calendar,
                _ => true,
            }).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }
            var entry = Random.Pick(candidates);
            var n = entry.Limit!.Value;
            var warn = entry.WarnDays ?? warnDefault;
            var over = Random.Skewed(1, 10);
            DateOnly start;
            DateOnly? completed = null;
            switch (kind)
            {
                case BreachKind.StageOverdueWorking:
                    start = Days.RandomWorkingDay(Random, EarliestAnchor, Days.Back(AsOf, n + over));
                    completed = Days.Add(start, n + over);
                    occurred = Days.Add(start, n + 1);
                    break;
                case BreachKind.StageOverdueCalendar:
                {
                    start = Days.RandomWorkingDay(Random, EarliestAnchor, Days.RollBack(AsOf.AddDays(-n - 40)));
                    var deadline = Days.Roll(start.AddDays(n));
                    completed = Days.Roll(deadline.AddDays(Random.Skewed(1, 20)));
                    occurred = deadline.AddDays(1);
                    break;
                }
                case BreachKind.StageOverdueOpen when entry.Unit == LimitUnit.Working:
                    start = Days.Back(AsOf, n + over);
                    occurred = Days.Add(start, n + 1);
                    break;
                case BreachKind.StageOverdueOpen:
                {
                    start = Days.RollBack(AsOf.AddDays(-n - over));
                    while (Days.Roll(start.AddDays(n)) >= AsOf)
                    {
                        start = Days.RollBack(start.AddDays(-1));
                    }
                    occurred = Days.Roll(start.AddDays(n)).AddDays(1);
                    break;
                }
                case BreachKind.StageDueSoonWorking:
                    start = Days.Back(AsOf, n - Random.Between(0, Math.Min(warn, n)));
                    occurred = AsOf;
                    break;
                case BreachKind.StageDueSoonCalendar:
                {
                    // Holidays leave no working start day for some limits (30 days before a date just after 国庆): take any limit that has one.
                    var starts = candidates.SelectMany(DueSoonCalendarStarts).ToList();
                    if (starts.Count == 0)
                    {
                        return false;
                    }
                    (entry, start) = Random.Pick(starts);
                    occurred = AsOf;
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a stage breach");
            }
            anchor = new StageRow(entry.Stage, entry, Random.Pick(_context.View.UnitsForStage(entry.Stage)), start, completed);
            rows[entry.Stage] = anchor;
            foreach (var p in _catalog.PrerequisitesOf(entry.Stage))
            {
                if (p != _order[0])
                {
                    AddCompletedBefore(p, start, rows, 0);
                }
            }
        }
        var first = _order[0];
        if (!rows.ContainsKey(first) && first != missing)
        {
            AddCompletedBefore(first, rows.Values.Min(r => r.Started), rows, 0);
        }
        var stageRows = _order.Where(rows.ContainsKey).Select(s => rows[s]).ToList();
        var code = WriteProject(stageRows, plain: false);
        _context.Plant(kind, $"stage:{code}/{anchor.Stage}", anchor.Unit, [CheckPolicy.CodeOf(kind)], occurred);
        return true;
    }

    /// <summary>Working days a stage with this calendar-day limit could have started on to be open and due within its warning days at T.</summary>
    private IEnumerable<(StageLimit Entry, DateOnly Start)> DueSoonCalendarStarts(StageLimit entry)
    {
        var n = entry.Limit!.Value;
        var warn = entry.WarnDays ?? _context.WarnDays;
        for (var back = 0; back <= warn + 10; back++)
        {
            var s = AsOf.AddDays(warn - n - back);
            var deadline = Days.Roll(s.AddDays(n));
            var left = deadline.DayNumber - AsOf.DayNumber;
            if (s <= AsOf && Days.IsWorking(s) && left >= 0 && left <= warn && Days.Covers(s.AddDays(1), deadline))
            {
                yield return (entry, s);
            }
        }
    }

    /// <summary>A prerequisite that completed only after the stage that needed it had started.</summary>
    private StageRow LateCompleted(string stage, DateOnly dependentStart)
    {
        var entry = PickEntry(stage);
        var completed = Days.RandomWorkingDay(Random, dependentStart.AddDays(1), Min(Today, dependentStart.AddDays(20)));
        if (completed <= dependentStart)
        {
            completed = Days.Roll(dependentStart.AddDays(1));
        }
        return new StageRow(stage, entry, Random.Pick(_context.View.UnitsForStage(stage)), StartFor(entry, completed), completed);
    }

    /// <summary>A prerequisite still open at T, with more than its warning days left; null when its limit is too short for that.</summary>
    private StageRow? LateOpen(string stage)
    {
        var entry = PickEntry(stage);
        DateOnly start;
        if (entry?.Limit is not { } n)
        {
            start = Days.Back(AsOf, Random.Between(0, 10));
        }
        else
        {
            var warn = entry.WarnDays ?? _context.WarnDays;
            if (n - warn - 1 < 0)
            {
                return null;
            }
            start = entry.Unit == LimitUnit.Working
                ? Days.Back(AsOf, Random.Between(0, n - warn - 1))
                : Days.RollBack(AsOf.AddDays(-Random.Between(0, Math.Max(0, n - warn - 5))));
            if (!OpenCompliant(entry, start))
            {
                return null;
            }
        }
        return new StageRow(stage, entry, Random.Pick(_context.View.UnitsForStage(stage)), start, null);
    }

    /// <summary>Adds <paramref name="stage"/> completed before <paramref name="by"/>, and its own prerequisites before its start.</summary>
    private void AddCompletedBefore(string stage, DateOnly by, Dictionary<string, StageRow> rows, int depth)
    {
        if (rows.ContainsKey(stage) || depth > 6)
        {
            return;
        }
        var entry = PickEntry(stage);
        var completed = Days.RollBack(by.AddDays(-Random.Between(1, 15)));
        var start = StartFor(entry, completed);
        rows[stage] = new StageRow(stage, entry, Random.Pick(_context.View.UnitsForStage(stage)), start, completed);
        foreach (var p in _catalog.PrerequisitesOf(stage))
        {
            AddCompletedBefore(p, start, rows, depth + 1);
        }
    }

    /// <summary>A compliant clock from <paramref name="start"/>: completed within the limit by T, or open with time left. False when neither fits.</summary>
    private bool Forward(StageLimit? entry, DateOnly start, out DateOnly? completed)
    {
        completed = null;
        if (entry?.Limit is not { } n)
        {
            var done = Days.Add(start, Random.Between(0, 10));
            completed = done <= AsOf ? done : null;
            return true;
        }
        var warn = entry.WarnDays ?? _context.WarnDays;
        if (entry.Unit == LimitUnit.Working)
        {
            var planned = Days.Add(start, Random.Between(1, n));
            if (planned <= AsOf)
            {
                completed = planned;
                return true;
            }
            var used = Days.Between(start, AsOf);
            if (used <= n - warn - 1)
            {
                return true;
            }
            if (used < 1)
            {
                return false;
            }
            completed = Days.Add(start, Random.Between(1, Math.Min(n, used)));
            return true;
        }
        var deadline = Days.Roll(start.AddDays(n));
        var byCalendar = Days.Roll(start.AddDays(Random.Between(1, n)));
        if (byCalendar <= AsOf)
        {
            completed = byCalendar;
            return true;
        }
        if (OpenCompliant(entry, start))
        {
            return true;
        }
        var last = Min(deadline, Today);
        if (last <= start)
        {
            return false;
        }
        var c = Days.RandomWorkingDay(Random, start.AddDays(1), last);
        if (c <= start || c > last)
        {
            return false;
        }
        completed = c;
        return true;
    }

    /// <summary>Open at T with more than the warning days left, every day the clock needs in a covered year.</summary>
    private bool OpenCompliant(StageLimit entry, DateOnly start)
    {
        var n = entry.Limit!.Value;
        var warn = entry.WarnDays ?? _context.WarnDays;
        if (start > AsOf)
        {
            return false;
        }
        if (entry.Unit == LimitUnit.Working)
        {
            return n - Days.Between(start, AsOf) > warn;
        }
        var deadline = Days.Roll(start.AddDays(n));
        return deadline.DayNumber - AsOf.DayNumber > warn && Days.Covers(start.AddDays(1), Max(AsOf, deadline));
    }

    /// <summary>A start from which a stage completed on <paramref name="completed"/> was within its limit.</summary>
    private DateOnly StartFor(StageLimit? entry, DateOnly completed)
    {
        if (entry?.Limit is not { } n)
        {
            return Days.Back(completed, Random.Between(0, 5));
        }
        if (entry.Unit == LimitUnit.Working)
        {
            return Days.Back(completed, Random.Between(1, n));
        }
        var start = Days.Roll(completed.AddDays(-Random.Between(1, n)));
        if (start >= completed)
        {
            start = Days.Back(completed, 1);
        }
        return completed <= Days.Roll(start.AddDays(n)) ? start : completed;
    }

    /// <summary>An entry of stages.json for the stage (its type), entries with a limit likelier; null when the catalogue has none.</summary>
    private StageLimit? PickEntry(string stage)
    {
        var entries = _entries[stage];
        if (entries.Count == 0)
        {
            return null;
        }
        return entries[Random.Weighted(entries.Select(e => e.Limit is null ? 1.0 : 1.5).ToList())];
    }

    /// <summary>Writes the project's rows in stage order and returns its project code.</summary>
    private string WriteProject(IReadOnlyList<StageRow> rows, bool plain)
    {
        var firstStart = rows.Min(r => r.Started);
        var approval = rows.FirstOrDefault(r => r.Stage == _order[0])?.Entry?.Type;
        var kind = approval switch
        {
            "核准" => "02",
            "备案" => "03",
            _ => "01",
        };
        var code = _context.NextProjectCode(firstStart.Year, Random.Pick(Areas), Random.Pick(Industries), kind);
        var name = ChineseNames.Project(Random);
        foreach (var row in rows)
        {
            var style = Styles[Random.Weighted(StyleWeights)];
            var limit = row.Entry?.Limit is { } n && row.Completed is not null && Random.Chance(0.25) ? n : (int?)null;
            string[] fields =
            [
                code,
                Random.Chance(0.9) ? name : "",
                StageText(row.Stage),
                row.Entry?.Type ?? "",
                row.Unit,
                ValueFormats.Date(row.Started, style, 0),
                row.Completed is { } c ? ValueFormats.Date(c, style, 0) : "",
                limit?.ToString(CultureInfo.InvariantCulture) ?? "",
                limit is null ? "" : UnitText(row.Entry!.Unit),
            ];
            _stages.WriteData(fields, plain ? row : null);
            _badRows.FlushDue(_stages);
        }
        return code;
    }

    /// <summary>The stage as exports name it: mostly the canonical Chinese name, sometimes an alias of stages.json or the English name.</summary>
    private string StageText(string stage)
    {
        var roll = Random.Unit();
        if (roll < 0.1 && _aliases[stage].Count > 0)
        {
            return Random.Pick(_aliases[stage]);
        }
        return roll < 0.15 ? StageCatalog.CanonicalNames[stage] : stage;
    }

    private string UnitText(LimitUnit unit) =>
        (unit, Random.Chance(0.7)) switch
        {
            (LimitUnit.Working, true) => "工作日",
            (LimitUnit.Working, false) => "working",
            (_, true) => "自然日",
            _ => "calendar",
        };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
