using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// The rule set seen from the generator: items, units and fees sorted by code (so that draws do not depend on
/// dictionary order), which units handle which items and stages, and which fees may be charged for what.
/// Units are matched to items and stages by their codes and names (X01.. ↔ U01.., 生态环境局 ↔ 环评), falling
/// back to every unit when nothing matches, so any rule set of the documented shape works.
/// </summary>
internal sealed class CatalogView
{
    private static readonly string[] PersonalWords = ["身份证", "婚", "户籍", "居民", "驾驶"];
    private static readonly string[] FirmWords =
        ["企业", "项目", "商标", "食品", "药品", "排污", "建筑", "资质", "特种设备", "计量", "医疗机构", "道路", "社会团体", "预售", "施工", "环境影响", "兽药", "公共场所"];

    private static readonly Dictionary<string, string[]> StageUnitWords = new(StringComparer.Ordinal)
    {
        ["立项"] = ["发展和改革", "发改", "行政审批"],
        ["规划"] = ["规划"],
        ["环评"] = ["生态环境", "环境保护", "环保"],
        ["用地"] = ["自然资源", "国土"],
        ["建设"] = ["住房和城乡建设", "住建", "行政审批"],
    };

    private readonly Dictionary<string, ItemProfile> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<List<FeeSlot>>> _slotGroups = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _stageUnits = new(StringComparer.Ordinal);

    public CatalogView(RuleSet ruleSet, DateOnly asOf)
    {
        RuleSet = ruleSet;
        Settings = ruleSet.Settings;
        Fees = [.. ruleSet.Fees.Values.OrderBy(f => f.Code, StringComparer.Ordinal)];
        var units = ruleSet.Units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        UnitNames = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        // The root of a hierarchy (the supervising office) handles no cases itself.
        var handling = units.Any(u => u.Parent is not null) ? units.Where(u => u.Parent is not null).ToList() : units;
        Units = [.. handling.Select(u => u.Code)];
        if (Units.Count == 0)
        {
            Units = ["U01"];
        }

        var items = new List<ItemProfile>();
        foreach (var item in ruleSet.Items.Values.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var statutory = item.StatutoryLimit ?? Settings.DefaultStatutoryLimit;
            var profile = new ItemProfile
            {
                Item = item,
                Index = items.Count,
                Statutory = statutory,
                Promised = Math.Min(item.PromisedLimit ?? statutory, statutory),
                Units = UnitsForCode(item.Code, handling),
                ApplicantWeights = ApplicantWeightsFor(item.Name),
                Weight = 1,
            };
            items.Add(profile);
        }
        // Items that carry fees come up more often, as 不动产 and 证件 counters do; it also brings charges near 2× cases.
        Items = [.. items.Select(p => p with { Weight = 1 + 12 * SlotGroups(p, Applicants.Enterprise, asOf).Count })];
        ItemWeights = [.. Items.Select(p => p.Weight)];
        foreach (var p in Items)
        {
            _byCode[p.Code] = p;
        }
        NonFree = [.. Items.Where(p => !p.Item.Free)];
        Free = [.. Items.Where(p => p.Item.Free)];
        foreach (var stage in StageCatalog.CanonicalNames.Keys)
        {
            var words = StageUnitWords.GetValueOrDefault(stage) ?? [];
            var matched = handling.Where(u => words.Any(w => u.Name.Contains(w, StringComparison.Ordinal))).Select(u => u.Code).ToList();
            _stageUnits[stage] = matched.Count > 0 ? matched : Units;
        }
        UnknownFees = [.. UnknownFeeNames.Select((name, i) => (Code: $"F98{i + 1:00}", Name: name)).Where(f => !ruleSet.Fees.ContainsKey(f.Code))];
    }

    public RuleSet RuleSet { get; }
    public Settings Settings { get; }
    public IReadOnlyList<ItemProfile> Items { get; }

    /// <summary>The weights of <see cref="Items"/>, in their order.</summary>
    public IReadOnlyList<double> ItemWeights { get; }
    public IReadOnlyList<ItemProfile> NonFree { get; }
    public IReadOnlyList<ItemProfile> Free { get; }
    public IReadOnlyList<Fee> Fees { get; }

    /// <summary>Units that handle cases, sorted by code.</summary>
    public IReadOnlyList<string> Units { get; }

    public IReadOnlyDictionary<string, string> UnitNames { get; }

    /// <summary>Fee codes outside the catalogue, with names that 目录外收费 typically carry.</summary>
    public IReadOnlyList<(string Code, string Name)> UnknownFees { get; }

    private static string[] UnknownFeeNames { get; } = ["资料费", "加急服务费", "咨询服务费", "表格工本费", "档案查询费", "证照邮寄费", "评审服务费", "技术服务费"];

    public string UnitName(string code) => UnitNames.GetValueOrDefault(code) ?? "";

    public IReadOnlyList<string> UnitsForStage(string stage) => _stageUnits.GetValueOrDefault(stage) ?? Units;

    public ItemProfile? Profile(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The fees that may lawfully be charged for <paramref name="item"/> to <paramref name="payer"/> on
    /// <paramref name="d"/>: in force, neither stopped nor exempt for the payer, with the item in their scope.
    /// Fees named alike (不动产登记费（住宅类）/（非住宅类）) are alternatives and come as one group.
    /// Only scoped fees count: a fee for any item is not one a counter charges on every case.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<FeeSlot>> SlotGroups(ItemProfile item, string payer, DateOnly d)
    {
        var key = ((long)item.Index * 8 + Applicants.IndexOf(payer)) << 32 | (uint)d.DayNumber;
        if (_slotGroups.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var groups = new List<List<FeeSlot>>();
        _slotGroups[key] = groups;
        if (item.Item.Free)
        {
            return groups;
        }
        var byStem = new Dictionary<string, List<FeeSlot>>(StringComparer.Ordinal);
        foreach (var fee in Fees)
        {
            if (fee.PeriodOn(d) is not { } p || !IsChargeable(p, payer) || p.Scope is null || !p.Scope.Contains(item.Code))
            {
                continue;
            }
            var stem = Stem(fee.Name);
            if (!byStem.TryGetValue(stem, out var group))
            {
                group = [];
                byStem[stem] = group;
                groups.Add(group);
            }
            group.Add(new FeeSlot(fee, p));
        }
        return groups;
    }

    /// <summary>Steps 1–4 of checks.md pass: in force, not stopped, and not exempt for this payer.</summary>
    public static bool IsChargeable(FeePeriod p, string? payer) => !p.IsStopped && !p.ExemptsPayer(payer);

    /// <summary>Every item code any period of the fee was ever scoped to.</summary>
    public static IReadOnlySet<string> HistoricScope(Fee fee) =>
        fee.Periods.Where(p => p.Scope is not null).SelectMany(p => p.Scope!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every unit any period of the fee ever named as collector.</summary>
    public static IReadOnlySet<string> HistoricCollectors(Fee fee) =>
        fee.Periods.Where(p => p.Collectors is not null).SelectMany(p => p.Collectors!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The latest standard the fee had, for a plausible amount when it is charged unlawfully.</summary>
    public static decimal? HistoricMax(Fee fee) => fee.Periods.LastOrDefault(p => p.Max is not null)?.Max;

    public static IReadOnlyList<string> Sorted(IEnumerable<string> codes) => [.. codes.Order(StringComparer.Ordinal)];

    private static string Stem(string name)
    {
        var cut = name.IndexOfAny(['（', '(']);
        return cut > 0 ? name[..cut] : name;
    }

    private IReadOnlyList<string> UnitsForCode(string itemCode, IReadOnlyList<Unit> handling)
    {
        var group = DigitGroup(itemCode);
        if (group is not null)
        {
            var matched = handling.Where(u => DigitGroup(u.Code) == group).Select(u => u.Code).ToList();
            if (matched.Count > 0)
            {
                return matched;
            }
        }
        return Units;
    }

    /// <summary>The first two digits after a code's letters: X0101 → 01, U0201 → 02.</summary>
    private static string? DigitGroup(string code)
    {
        var i = 0;
        while (i < code.Length && char.IsAsciiLetter(code[i]))
        {
            i++;
        }
        return code.Length >= i + 2 && char.IsAsciiDigit(code[i]) && char.IsAsciiDigit(code[i + 1]) ? code.Substring(i, 2) : null;
    }

    private static double[] ApplicantWeightsFor(string itemName)
    {
        if (PersonalWords.Any(w => itemName.Contains(w, StringComparison.Ordinal)))
        {
            return [0, 0, 1];
        }
        if (FirmWords.Any(w => itemName.Contains(w, StringComparison.Ordinal)))
        {
            return [0.6, 0.4, 0];
        }
        return [0.35, 0.2, 0.45];
    }
}
