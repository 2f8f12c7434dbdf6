using Compliance.Engine.Findings;

namespace Compliance.Rules.Evaluation;

/// <summary>What a message or basis template may name: the evidence, plus wording-only values kept out of it.</summary>
internal sealed class TemplateValues
{
    public TemplateValues(Evidence evidence) => Evidence = evidence;

    public Evidence Evidence { get; }

    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);

    public TemplateValues With(string key, object? value)
    {
        Extra[key] = value;
        return this;
    }

    public bool TryGet(string key, out object? value) =>
        Evidence.TryGet(key, out value) || Extra.TryGetValue(key, out value);
}
