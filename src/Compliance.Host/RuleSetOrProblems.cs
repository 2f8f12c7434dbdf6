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
        if (!CliFolders.RulesFolderExists(directory, stderr))
        {
            return null;
        }
        try
        {
            return Checker.Create(RuleSetLoader.Load(directory));
        }
        catch (RuleSetException e)
        {
            Print(e, stderr);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取规则目录 {Path.GetFullPath(directory)}：{e.Message}");
            return null;
        }
    }

    /// <summary>Every problem of a rejected rule set, one <c>file:line:column: message</c> a line, under a count.</summary>
    public static void Print(RuleSetException rejected, TextWriter stderr)
    {
        stderr.WriteLine($"规则集被拒绝，共 {rejected.Problems.Count} 个问题：");
        foreach (var problem in rejected.Problems)
        {
            stderr.WriteLine(problem);
        }
    }
}
