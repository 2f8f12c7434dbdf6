using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Tests;

/// <summary>Builders so that a test names only the fields it cares about. Dates are fixed; the clock is never read.</summary>
internal static class Some
{
    private static readonly Lazy<WorkingCalendar> ShippedCalendar = new(LoadShippedCalendar);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static WorkingCalendar Calendar => ShippedCalendar.Value;

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", null);

    public static CaseRecord Case(
        string id = "XK-2025-0001",
        string accepted = "2025-09-26",
        string? decided = null,
        string item = "X0101",
        string unit = "U01",
        int? statutory = null,
        int? promised = null,
        CaseStatus? status = null,
        string? applicantType = "企业") => new()
        {
            CaseId = id,
            ItemCode = item,
            UnitCode = unit,
            AcceptedOn = Date(accepted),
            DecidedOn = decided is null ? null : Date(decided),
            StatutoryLimit = statutory,
            PromisedLimit = promised,
            ApplicantType = applicantType,
            Status = status ?? (decided is null ? CaseStatus.Open : CaseStatus.Decided),
        };

    public static ProcedureRecord Suspension(string caseId, string start, string? end, string label = "专家评审") => new()
    {
        CaseId = caseId,
        Kind = ProcedureKind.Suspension,
        KindLabel = label,
        Start = Date(start),
        End = end is null ? null : Date(end),
    };

    public static ProcedureRecord Extension(string caseId, string start, int days = 10) => new()
    {
        CaseId = caseId,
        Kind = ProcedureKind.Extension,
        KindLabel = "延长审批",
        Start = Date(start),
        ExtensionDays = days,
    };

    public static ChargeRecord Charge(
        string id = "C0001",
        string? caseId = "XK-2025-0001",
        string fee = "F0101",
        decimal amount = 100m,
        string on = "2025-10-10",
        string? unit = null,
        string? payer = null) => new()
        {
            ChargeId = id,
            CaseId = caseId,
            FeeCode = fee,
            Amount = amount,
            ChargedOn = Date(on),
            UnitCode = unit,
            PayerType = payer,
        };

    public static StageRecord Stage(
        string project = "2025-330100-01-01-000001",
        string stage = "环评",
        string? type = "报告表",
        string started = "2025-09-01",
        string? completed = null,
        string unit = "U03",
        int? limit = null,
        LimitUnit? limitUnit = null) => new()
        {
            ProjectCode = project,
            Stage = stage,
            StageType = type,
            UnitCode = unit,
            StartedOn = Date(started),
            CompletedOn = completed is null ? null : Date(completed),
            Limit = limit,
            LimitUnit = limitUnit,
        };

    public static Item Item(string code = "X0101", int? statutory = 20, int? promised = 20, bool free = false) => new()
    {
        Code = code,
        Name = "企业设立登记",
        StatutoryLimit = statutory,
        PromisedLimit = promised,
        Free = free,
        Basis = "《中华人民共和国行政许可法》第四十二条",
    };

    public static FeePeriod Period(
        string from = "2000-01-01",
        string? to = null,
        FeeStatus status = FeeStatus.Active,
        decimal? max = null,
        string[]? scope = null,
        string[]? collectors = null,
        string[]? exemptPayers = null,
        string basis = "测试依据") => new()
        {
            From = Date(from),
            To = to is null ? null : Date(to),
            Status = status,
            Max = max,
            Scope = scope?.ToHashSet(StringComparer.Ordinal),
            Collectors = collectors?.ToHashSet(StringComparer.Ordinal),
            ExemptPayers = exemptPayers?.ToHashSet(StringComparer.Ordinal),
            Basis = basis,
        };

    public static Fee Fee(string code = "F0101", params FeePeriod[] periods) => new()
    {
        Code = code,
        Name = "测试收费",
        Basis = "测试依据",
        Periods = periods.Length == 0 ? [Period()] : periods,
    };

    public static StageCatalog Stages() => new(
        [
            new StageLimit { Stage = "立项", Type = "核准", Limit = 20, Unit = LimitUnit.Working, Basis = "《企业投资项目核准和备案管理条例》第十条" },
            new StageLimit { Stage = "立项", Type = "备案" },
            new StageLimit { Stage = "环评", Type = "报告书", Limit = 60, Unit = LimitUnit.Calendar, WarnDays = 5, Basis = "《环境影响评价法》第二十二条" },
            new StageLimit { Stage = "环评", Type = "报告表", Limit = 30, Unit = LimitUnit.Calendar, Basis = "《环境影响评价法》第二十二条" },
            new StageLimit { Stage = "规划", Limit = 20, Unit = LimitUnit.Working },
            new StageLimit { Stage = "建设", Limit = 7, Unit = LimitUnit.Calendar, Basis = "《中华人民共和国建筑法》第八条" },
        ],
        new Dictionary<string, IReadOnlyList<string>> { ["建设"] = ["立项", "规划", "环评", "用地"] },
        new Dictionary<string, string> { ["施工许可"] = "建设" });

    public static RuleSet RuleSet(
        IEnumerable<Item>? items = null,
        IEnumerable<Fee>? fees = null,
        Settings? settings = null,
        IEnumerable<WorkflowFile>? workflows = null,
        IEnumerable<Unit>? units = null) => new()
        {
            Directory = "(test)",
            Version = "test",
            Hash = "00000000",
            Settings = settings ?? new Settings(),
            Calendar = Calendar,
            Items = (items ?? [Item()]).ToDictionary(i => i.Code, StringComparer.Ordinal),
            Fees = (fees ?? [Fee()]).ToDictionary(f => f.Code, StringComparer.Ordinal),
            Stages = Stages(),
            Units = (units ?? [new Unit { Code = "U01", Name = "市市场监督管理局" }, new Unit { Code = "U03", Name = "市生态环境局" }])
                .ToDictionary(u => u.Code, StringComparer.Ordinal),
            Workflows = (workflows ?? []).ToList(),
        };

    public static FeedData Feeds(
        IEnumerable<CaseRecord>? cases = null,
        IEnumerable<ProcedureRecord>? procedures = null,
        IEnumerable<ChargeRecord>? charges = null,
        IEnumerable<StageRecord>? stages = null)
    {
        var data = new FeedData();
        data.Cases.AddRange(cases ?? []);
        data.Procedures.AddRange(procedures ?? []);
        data.Charges.AddRange(charges ?? []);
        data.Stages.AddRange(stages ?? []);
        return data;
    }

    private static WorkingCalendar LoadShippedCalendar()
    {
        var years = new List<int>();
        var days = new List<CalendarDay>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "rules", "calendars"), "*.json").Order(StringComparer.Ordinal))
        {
            var json = JObject.Parse(File.ReadAllText(file));
            years.Add((int)json["year"]!);
            foreach (var d in (JArray)json["days"]!)
            {
                days.Add(new CalendarDay(Date((string)d["date"]!), (string)d["name"]!, (bool)d["isOffDay"]!));
            }
        }
        return new WorkingCalendar(years, days);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above " + AppContext.BaseDirectory);
    }
}
