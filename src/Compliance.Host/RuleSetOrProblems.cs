using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;

namespace Compliance.Host;

/// <summary>
/// Loads and compiles a rule set for a command, or prints every problem as <c>file:line:column: message</c> to
/// stderr and gives null, so the command can exit 2 (nothing judged).
/// </summary>
internal static class RuleSetOrProblems
{
    public static Checker? Load(string directory, TextWriter stderr)
    {
        if (!Directory.Exists(directory))
        {
            stderr.WriteLine($"规则目录不存在：{Path.GetFullPath(directory)}");
            return null;
        }
        try
        {
            return Checker.Create(RuleSetLoader.Load(directory));
        }
        catch (RuleSetException e)
        {
            stderr.WriteLine($"规则集被拒绝，共 {e.Problems.Count} 个问题：");
            foreach (var p in e.Problems)
            {
                stderr.WriteLine(p);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取规则目录 {Path.GetFullPath(directory)}：{e.Message}");
            return null;
        }
    }
}
