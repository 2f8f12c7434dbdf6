namespace Compliance.Engine.Catalog.Loading;

/// <summary>A value read from a rule file with where it was written, for problems found after reading.</summary>
internal readonly record struct Located<T>(T Value, SourcePosition At);
