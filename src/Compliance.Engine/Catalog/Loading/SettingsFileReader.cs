namespace Compliance.Engine.Catalog.Loading;

/// <summary>settings.json: thresholds, defaults and overrides of the built-in checks.</summary>
internal static class SettingsFileReader
{
    public const string FileName = "settings.json";

    private static readonly string[] RootKeys = ["$schema", "warnDays", "defaultStatutoryLimit", "warningTalk", "checks"];
    private static readonly string[] WarningTalkKeys = ["redFindings", "windowDays"];
    private static readonly string[] OverrideKeys = ["enabled", "severity", "message", "basis"];
    private static readonly string[] SeverityCodes = ["warning", "yellow", "red"];

    /// <summary>The settings, with the defaults of rule-files.md for whatever the file leaves out (or when it is absent).</summary>
    public static Settings Read(JsonSource? source, ProblemLog log)
    {
        var settings = new Settings();
        if (source is null)
        {
            return settings;
        }
        var root = JsonFields.Of(source, source.Root, log, "settings.json 的根");
        if (root is null)
        {
            return settings;
        }
        root.CheckKeys(RootKeys);

        if (root.Int("warnDays", min: 0) is { } warnDays)
        {
            settings = settings with { WarnDays = warnDays };
        }
        if (root.Int("defaultStatutoryLimit", min: 0) is { } limit)
        {
            settings = settings with { DefaultStatutoryLimit = limit };
        }
        if (root.ObjectField("warningTalk") is { } talk)
        {
            talk.CheckKeys(WarningTalkKeys);
            // Zero red findings or a zero-day window would propose every unit or none: surely not meant.
            if (talk.Int("redFindings", min: 1) is { } red)
            {
                settings = settings with { WarningTalkRedFindings = red };
            }
            if (talk.Int("windowDays", min: 1) is { } window)
            {
                settings = settings with { WarningTalkWindowDays = window };
            }
        }
        if (root.ObjectField("checks") is { } checks)
        {
            settings = settings with { Checks = ReadChecks(source, checks, log) };
        }
        return settings;
    }

    private static Dictionary<string, CheckOverride> ReadChecks(JsonSource source, JsonFields checks, ProblemLog log)
    {
        var result = new Dictionary<string, CheckOverride>(StringComparer.Ordinal);
        foreach (var property in checks.Object.Properties())
        {
            if (!BuiltInChecks.Codes.Contains(property.Name, StringComparer.Ordinal))
            {
                log.Error(source.PositionOf(property),
                    $"`checks` 中的 `{property.Name}` 不是内置检查代码{KeySuggestion.Hint(property.Name, BuiltInChecks.Codes)}");
                continue;
            }
            var fields = JsonFields.Of(source, property.Value, log, $"`checks.{property.Name}` ");
            if (fields is null)
            {
                continue;
            }
            fields.CheckKeys(OverrideKeys);
            var severity = fields.OneOf("severity", SeverityCodes);
            result[property.Name] = new CheckOverride
            {
                Enabled = fields.Bool("enabled"),
                Severity = severity is not null && SeverityNames.TryParse(severity, out var s) ? s : null,
                Message = fields.String("message"),
                Basis = fields.String("basis"),
            };
        }
        return result;
    }
}
