namespace Compliance.Rules.Workflows;

/// <summary>A piece of a custom rule's ErrorMessage: literal text, or a compiled <c>$(expression)</c>.</summary>
internal sealed record MessagePart<TFacts>(string Literal, Func<TFacts, Compliance.Engine.Evaluation.RuleScope, object?>? Value);
