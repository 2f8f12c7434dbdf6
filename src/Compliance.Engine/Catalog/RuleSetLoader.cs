namespace Compliance.Engine.Catalog;

/// <summary>Loads and validates a rule-set folder (rule-files.md): all of it, or nothing.</summary>
public static class RuleSetLoader
{
    /// <summary>The rule set, or a <see cref="RuleSetException"/> listing every error.</summary>
    public static RuleSet Load(string directory) =>
        throw new NotImplementedException("RuleSetLoader is being written (catalog).");
}
