using Compliance.Engine.Findings;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// What a message or basis template may name: the evidence, plus wording-only values kept out of it. A wording
/// value may also stand in for an evidence value that is null, where the data has no value but the sentence still
/// needs words (a deadline no calendar can place yet).
/// </summary>
internal sealed class TemplateValues
{
    // A dozen values at most, looked up a few times each: a list scanned in order costs less than a dictionary
    // built for every one of tens of thousands of findings. Made on the first value set, as a fee finding's
    // wording comes from its source instead.
    private List<KeyValuePair<string, object?>>? _extra;

    private readonly WordingSource? _wording;

    public TemplateValues(Evidence evidence, WordingSource? wording = null)
    {
        Evidence = evidence;
        _wording = wording;
    }

    /// <summary>
    /// Wording values worked out only when a template names them; a finding's texts name a few of a dozen. Asked
    /// after the values set with <see cref="With"/>, and only while the finding is being made.
    /// </summary>
    public delegate bool WordingSource(ReadOnlySpan<char> key, out object? value);

    public Evidence Evidence { get; }

    /// <summary>Sets a wording-only value; a later value for the same key replaces the earlier one.</summary>
    public TemplateValues With(string key, object? value)
    {
        _extra ??= new(16);
        for (var i = 0; i < _extra.Count; i++)
        {
            if (_extra[i].Key == key)
            {
                _extra[i] = new(key, value);
                return this;
            }
        }
        _extra.Add(new(key, value));
        return this;
    }

    public bool TryGet(ReadOnlySpan<char> key, out object? value)
    {
        var inEvidence = Evidence.TryGet(key, out value);
        if (inEvidence && value is not null)
        {
            return true;
        }
        if (_extra is not null)
        {
            foreach (var (k, v) in _extra)
            {
                if (key.SequenceEqual(k))
                {
                    value = v;
                    return true;
                }
            }
        }
        if (_wording is not null && _wording(key, out var worded))
        {
            value = worded;
            return true;
        }
        return inEvidence;
    }
}
