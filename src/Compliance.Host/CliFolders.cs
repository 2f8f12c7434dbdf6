using System.CommandLine;

namespace Compliance.Host;

/// <summary>
/// Folder arguments of the commands: an empty or blank path is an argument error, and a folder that does not exist is
/// said in the words users read; both end a command with status 2, not a crash.
/// </summary>
internal static class CliFolders
{
    /// <summary>Refuses an empty or blank value, which an unset shell variable (<c>--out $OUT</c>) gives.</summary>
    public static Option<T> NotBlank<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (string.IsNullOrWhiteSpace(token.Value))
                {
                    result.AddError($"{option.Name} 不能为空，应为一个目录。");
                }
            }
        });
        return option;
    }

    /// <summary>False, having said so on <paramref name="stderr"/>, when the rules folder does not exist.</summary>
    public static bool RulesFolderExists(string directory, TextWriter stderr) =>
        Exists(directory, "规则目录不存在", stderr);

    /// <summary>False, having said so on <paramref name="stderr"/>, when the data folder does not exist.</summary>
    public static bool DataFolderExists(string directory, TextWriter stderr) =>
        Exists(directory, "数据目录不存在", stderr);

    private static bool Exists(string directory, string missing, TextWriter stderr)
    {
        if (Directory.Exists(directory))
        {
            return true;
        }
        stderr.WriteLine($"{missing}：{Path.GetFullPath(directory)}");
        return false;
    }
}
