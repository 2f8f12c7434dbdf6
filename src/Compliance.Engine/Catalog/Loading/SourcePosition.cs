namespace Compliance.Engine.Catalog.Loading;

/// <summary>Where something stands in a rule file: path relative to the rule folder, 1-based line and column.</summary>
internal readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
