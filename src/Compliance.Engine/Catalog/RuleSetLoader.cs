using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog.Loading;

namespace Compliance.Engine.Catalog;

/// <summary>Loads and validates a rule-set folder (rule-files.md): all of it, or nothing.</summary>
public static class RuleSetLoader
{
    public const string Unversioned = "unversioned";

    private static readonly string[] KnownRootFiles =
    [
        SettingsFileReader.FileName, ItemsFileReader.FileName, FeesFileReader.FileName,
        StagesFileReader.FileName, UnitsFileReader.FileName,
    ];

    /// <summary>The rule set, or a <see cref="RuleSetException"/> listing every error.</summary>
    public static RuleSet Load(string directory)
    {
        var validation = Validate(directory);
        return validation.RuleSet ?? throw new RuleSetException(validation.Errors);
    }

    /// <summary>
    /// Reads every file of the folder and reports every problem, each at its <c>file:line:column</c>. The rule set
    /// is built only when there is no error; warnings never refuse it.
    /// </summary>
    public static RuleSetValidation Validate(string directory)
    {
        var log = new ProblemLog();
        if (!System.IO.Directory.Exists(directory))
        {
            log.Error(new SourcePosition(directory, 1, 1), "规则目录不存在");
            return new RuleSetValidation(null, log.Sorted());
        }
        var folder = RuleFolder.Read(directory, log);
        WarnAboutUnknownFiles(folder, log);

        var settings = SettingsFileReader.Read(Parse(folder, SettingsFileReader.FileName, required: false, log), log);
        var items = ItemsFileReader.Read(Parse(folder, ItemsFileReader.FileName, required: true, log), log);
        var units = UnitsFileReader.Read(Parse(folder, UnitsFileReader.FileName, required: false, log), log);
        var fees = FeesFileReader.Read(Parse(folder, FeesFileReader.FileName, required: true, log), items, units, log);
        var stages = StagesFileReader.Read(Parse(folder, StagesFileReader.FileName, required: false, log), log);
        var calendar = HolidayNoticeReader.Read(folder, log);
        var workflows = WorkflowFilesReader.Read(folder, log);

        if (log.HasErrors || items is null || units is null || fees is null || stages is null || calendar is null)
        {
            return new RuleSetValidation(null, log.Sorted())
            {
                CoveredYears = calendar?.CoveredYears ?? new HashSet<int>(),
                Workflows = workflows,
            };
        }
        var ruleSet = new RuleSet
        {
            Directory = folder.Directory,
            Version = fees.Version ?? Unversioned,
            Hash = folder.Hash(),
            Settings = settings,
            Calendar = calendar,
            Items = items,
            Fees = fees.Fees,
            Stages = stages,
            Units = units,
            Workflows = workflows,
        };
        return new RuleSetValidation(ruleSet, log.Sorted()) { CoveredYears = calendar.CoveredYears, Workflows = workflows };
    }

    private static JsonSource? Parse(RuleFolder folder, string file, bool required, ProblemLog log)
    {
        if (!folder.Contains(file))
        {
            if (required && !folder.IsReported(file))
            {
                log.Error(new SourcePosition(file, 1, 1), $"缺少必需的文件 {file}");
            }
            return null;
        }
        return JsonSource.Parse(file, folder.Bytes(file), log);
    }

    // A misspelt file name would otherwise vanish as silently as a misspelt key.
    private static void WarnAboutUnknownFiles(RuleFolder folder, ProblemLog log)
    {
        foreach (var path in folder.Paths)
        {
            if (path.Contains('/', StringComparison.Ordinal)
                || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || KnownRootFiles.Contains(path, StringComparer.Ordinal))
            {
                continue;
            }
            log.Warning(new SourcePosition(path, 1, 1), $"未知的规则文件 {path}，已忽略{KeySuggestion.Hint(path, KnownRootFiles)}");
        }
    }
}
