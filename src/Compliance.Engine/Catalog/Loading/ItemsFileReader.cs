namespace Compliance.Engine.Catalog.Loading;

/// <summary>items.json: the licensing items 事项 with their limits in working days.</summary>
internal static class ItemsFileReader
{
    public const string FileName = "items.json";

    private static readonly string[] RootKeys = ["$schema", "items"];
    private static readonly string[] ItemKeys = ["code", "name", "statutoryLimit", "promisedLimit", "free", "basis"];

    /// <summary>The items by code, or null when the file could not be read at all.</summary>
    public static Dictionary<string, Item>? Read(JsonSource? source, ProblemLog log)
    {
        if (source is null)
        {
            return null;
        }
        var root = JsonFields.Of(source, source.Root, log, "items.json 的根");
        if (root is null)
        {
            return null;
        }
        root.CheckKeys(RootKeys);
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var element in root.Array("items", required: true) ?? [])
        {
            var fields = JsonFields.Of(source, element, log, "事项");
            if (fields is null)
            {
                continue;
            }
            fields.CheckKeys(ItemKeys);
            var code = fields.String("code", required: true);
            var name = fields.String("name", required: true);
            var statutory = fields.Int("statutoryLimit", min: 0);
            var promised = fields.Int("promisedLimit", min: 0);
            var free = fields.Bool("free") ?? false;
            var basis = fields.String("basis");
            if (statutory is not null && promised > statutory)
            {
                log.Warning(fields.ValuePositionOf("promisedLimit"),
                    $"事项 `{code}` 的承诺时限 {promised} 大于法定时限 {statutory}，按法定时限计");
            }
            if (code is null || name is null)
            {
                continue;
            }
            if (firstSeen.TryGetValue(code, out var first))
            {
                log.Error(fields.ValuePositionOf("code"), $"事项代码 `{code}` 重复（首次出现于 {first}）");
                continue;
            }
            firstSeen[code] = fields.ValuePositionOf("code");
            items[code] = new Item
            {
                Code = code,
                Name = name,
                StatutoryLimit = statutory,
                PromisedLimit = promised,
                Free = free,
                Basis = basis,
            };
        }
        return items;
    }
}
