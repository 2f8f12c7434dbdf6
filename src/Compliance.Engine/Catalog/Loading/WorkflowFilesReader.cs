using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>
/// workflows/*.json: custom rules, checked here only for being JSON of the right shape. Compiling their
/// expressions is the rules engine's job (Compliance.Rules), which reports by file and rule name.
/// </summary>
internal static class WorkflowFilesReader
{
    public const string Folder = "workflows";

    public static List<WorkflowFile> Read(RuleFolder folder, ProblemLog log)
    {
        var result = new List<WorkflowFile>();
        foreach (var file in folder.FilesIn(Folder, ".json"))
        {
            var source = JsonSource.Parse(file, folder.Bytes(file), log);
            if (source is null)
            {
                continue;
            }
            switch (source.Root)
            {
                case JObject:
                    result.Add(new WorkflowFile(file, source.Text));
                    break;
                case JArray array when array.All(w => w is JObject):
                    if (array.Count == 0)
                    {
                        log.Warning(source.Start, "文件中没有工作流");
                    }
                    result.Add(new WorkflowFile(file, source.Text));
                    break;
                case JArray array:
                    var bad = array.First(w => w is not JObject);
                    log.Error(source.PositionOf(bad), $"工作流应为对象，实际为{JsonFields.TypeName(bad)}");
                    break;
                default:
                    log.Error(source.PositionOf(source.Root), $"工作流文件应为一个工作流对象或工作流数组，实际为{JsonFields.TypeName(source.Root)}");
                    break;
            }
        }
        return result;
    }
}
