namespace Compliance.Engine.Catalog.Loading;

/// <summary>fees.json: the fee catalogue 收费目录 with each fee's history of periods.</summary>
internal static class FeesFileReader
{
    public const string FileName = "fees.json";

    private static readonly string[] RootKeys = ["$schema", "version", "fees"];
    private static readonly string[] FeeKeys = ["code", "name", "department", "basis", "periods"];
    private static readonly string[] PeriodKeys = ["from", "to", "status", "max", "scope", "collectors", "exemptPayers", "basis"];
    private static readonly string[] StatusCodes = ["active", "abolished", "suspended", "exempt"];

    /// <summary>
    /// The catalogue, or null when the file could not be read at all. Scope items and collectors are checked
    /// against <paramref name="items"/> and <paramref name="units"/> when those could be read.
    /// </summary>
    public static FeeCatalog? Read(
        JsonSource? source,
        IReadOnlyDictionary<string, Item>? items,
        IReadOnlyDictionary<string, Unit>? units,
        ProblemLog log)
    {
        if (source is null)
        {
            return null;
        }
        var root = JsonFields.Of(source, source.Root, log, "fees.json 的根");
        if (root is null)
        {
            return null;
        }
        root.CheckKeys(RootKeys);
        var version = root.String("version");
        var fees = new Dictionary<string, Fee>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var element in root.Array("fees", required: true) ?? [])
        {
            var fields = JsonFields.Of(source, element, log, "收费项目");
            if (fields is null)
            {
                continue;
            }
            var fee = ReadFee(source, fields, items, units, log);
            if (fee is null)
            {
                continue;
            }
            if (firstSeen.TryGetValue(fee.Code, out var first))
            {
                log.Error(fields.ValuePositionOf("code"), $"收费代码 `{fee.Code}` 重复（首次出现于 {first}）");
                continue;
            }
            firstSeen[fee.Code] = fields.ValuePositionOf("code");
            fees[fee.Code] = fee;
        }
        return new FeeCatalog(version, fees);
    }

    private static Fee? ReadFee(
        JsonSource source,
        JsonFields fields,
        IReadOnlyDictionary<string, Item>? items,
        IReadOnlyDictionary<string, Unit>? units,
        ProblemLog log)
    {
        fields.CheckKeys(FeeKeys);
        var code = fields.String("code", required: true);
        var name = fields.String("name", required: true);
        var department = fields.String("department");
        var basis = fields.String("basis");
        var periodsArray = fields.Array("periods", required: true);
        if (periodsArray is { Count: 0 })
        {
            log.Error(fields.ValuePositionOf("periods"), $"收费 `{code}` 的 `periods` 不能为空");
        }
        var label = code ?? name ?? "?";
        // A finding must always cite something; the catalogue entry itself is the last resort.
        var defaultBasis = basis ?? $"收费目录：{label} {name}";
        var periods = new List<(FeePeriod Period, SourcePosition At)>();
        var withoutBasis = 0;
        foreach (var element in periodsArray ?? [])
        {
            var periodFields = JsonFields.Of(source, element, log, "收费期间");
            if (periodFields is null)
            {
                continue;
            }
            if (basis is null && !periodFields.Has("basis"))
            {
                withoutBasis++;
            }
            if (ReadPeriod(periodFields, label, defaultBasis, items, units, log) is { } period)
            {
                periods.Add((period, periodFields.Position));
            }
        }
        if (withoutBasis > 0)
        {
            log.Warning(fields.Position, $"收费 `{label}` 有 {withoutBasis} 个期间未写 `basis`，收费项目本身也没有，以收费名称代替");
        }
        if (code is null || name is null)
        {
            return null;
        }
        var sorted = periods.OrderBy(p => p.Period.From).ToList();
        CheckSequence(code, sorted, log);
        return new Fee
        {
            Code = code,
            Name = name,
            Department = department,
            Basis = basis,
            Periods = [.. sorted.Select(p => p.Period)],
        };
    }

    /// <summary>The period, its basis defaulted to <paramref name="defaultBasis"/>; null when it is unusable.</summary>
    private static FeePeriod? ReadPeriod(
        JsonFields fields,
        string fee,
        string defaultBasis,
        IReadOnlyDictionary<string, Item>? items,
        IReadOnlyDictionary<string, Unit>? units,
        ProblemLog log)
    {
        fields.CheckKeys(PeriodKeys);
        var from = fields.Date("from", required: true);
        var to = fields.Date("to");
        var statusText = fields.OneOf("status", StatusCodes);
        var statusValid = statusText is not null || !fields.Has("status");
        var status = ParseStatus(statusText);
        var max = fields.Amount("max");
        var scope = fields.Strings("scope");
        var collectors = fields.Strings("collectors");
        var exemptPayers = fields.Strings("exemptPayers");
        var basis = fields.String("basis");

        if (from is not null && to is not null && to < from)
        {
            log.Error(fields.ValuePositionOf("to"), $"`to` {IsoDate.Format(to.Value)} 早于 `from` {IsoDate.Format(from.Value)}");
            from = null;
        }
        if (statusValid && fields.Has("exemptPayers") && status != FeeStatus.Exempt)
        {
            log.Error(fields.PositionOf("exemptPayers"), "`exemptPayers` 只能用于 `status` 为 exempt 的期间");
        }
        if (status == FeeStatus.Exempt && !fields.Has("exemptPayers"))
        {
            log.Warning(fields.PositionOf("status"), $"收费 `{fee}` 的免征期间未列 `exemptPayers`，视为对所有缴款人免征");
        }
        WarnIfEmpty(fields, "scope", scope, "任何事项收取都将判为超出范围", log);
        WarnIfEmpty(fields, "collectors", collectors, "任何单位收取都将判为超越权限", log);
        WarnIfEmpty(fields, "exemptPayers", exemptPayers, "没有缴款人被免征", log);
        if (items is not null)
        {
            foreach (var item in scope ?? [])
            {
                if (!items.ContainsKey(item.Value))
                {
                    log.Warning(item.At, $"`scope` 中的事项 `{item.Value}` 不在 items.json 中");
                }
            }
        }
        if (units is not null)
        {
            foreach (var unit in collectors ?? [])
            {
                if (!units.ContainsKey(unit.Value))
                {
                    log.Warning(unit.At, $"`collectors` 中的单位 `{unit.Value}` 不在 units.json 中");
                }
            }
        }
        if (from is null)
        {
            return null;
        }
        return new FeePeriod
        {
            From = from.Value,
            To = to,
            Status = status,
            Max = max,
            Scope = ToSet(scope),
            Collectors = ToSet(collectors),
            ExemptPayers = status == FeeStatus.Exempt ? ToSet(exemptPayers) : null,
            Basis = basis ?? defaultBasis,
        };
    }

    /// <summary>Periods sorted by start: an overlap is an error at the later one, a gap only a warning.</summary>
    private static void CheckSequence(string code, List<(FeePeriod Period, SourcePosition At)> sorted, ProblemLog log)
    {
        for (var i = 1; i < sorted.Count; i++)
        {
            var (previous, previousAt) = sorted[i - 1];
            var (current, currentAt) = sorted[i];
            if (previous.To is null || previous.To.Value >= current.From)
            {
                var range = previous.To is null ? $"{IsoDate.Format(previous.From)} 起" : $"{IsoDate.Format(previous.From)} 至 {IsoDate.Format(previous.To.Value)}";
                log.Error(currentAt, $"收费 `{code}` 自 {IsoDate.Format(current.From)} 起的期间与前一期间（{range}，{previousAt}）重叠");
            }
            else if (previous.To.Value.AddDays(1) < current.From)
            {
                log.Warning(currentAt,
                    $"收费 `{code}` 在 {IsoDate.Format(previous.To.Value.AddDays(1))} 至 {IsoDate.Format(current.From.AddDays(-1))} 没有期间，这段时间的收费将判为不在有效期");
            }
        }
    }

    private static void WarnIfEmpty(JsonFields fields, string key, IReadOnlyList<Located<string>>? list, string consequence, ProblemLog log)
    {
        if (list is { Count: 0 })
        {
            log.Warning(fields.ValuePositionOf(key), $"`{key}` 为空数组：{consequence}");
        }
    }

    private static FeeStatus ParseStatus(string? status) => status switch
    {
        "abolished" => FeeStatus.Abolished,
        "suspended" => FeeStatus.Suspended,
        "exempt" => FeeStatus.Exempt,
        _ => FeeStatus.Active,
    };

    private static HashSet<string>? ToSet(IReadOnlyList<Located<string>>? list) =>
        list is null ? null : new HashSet<string>(list.Select(l => l.Value), StringComparer.Ordinal);
}
