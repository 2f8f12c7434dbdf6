using System.CommandLine;

namespace Compliance.Host;

/// <summary>Folder options of <c>check</c>: an empty or blank path is an argument error (status 2), not a crash.</summary>
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
}
