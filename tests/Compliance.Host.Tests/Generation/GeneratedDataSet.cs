using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;
using Compliance.Rules.Evaluation;

namespace Compliance.Host.Tests.Generation;

/// <summary>
/// A data set generated into a scratch folder, read back with the feed reader and checked with the shipped
/// rules as of its as-of date: what the generator says it planted beside what the check finds.
/// </summary>
public abstract class GeneratedDataSet : IDisposable
{
    private readonly ScratchFolder _folder = new();

    protected GeneratedDataSet(Func<string, GeneratorOptions> options)
    {
        Options = options(_folder.Path);
        Summary = DataGenerator.Generate(Options);
        Data = FeedReader.ReadFolder(_folder.Path, Options.RuleSet.Stages);
        Result = Checker.Create(Options.RuleSet).Check(Data, Options.AsOf);
    }

    public GeneratorOptions Options { get; }
    public GenerationSummary Summary { get; }
    public FeedData Data { get; }
    public CheckResult Result { get; }
    public string Folder => _folder.Path;

    /// <summary>Subject → its finding codes, sorted; units left out.</summary>
    public IReadOnlyDictionary<string, string> FoundBySubject =>
        Result.Findings.Where(f => !f.Subject.StartsWith("unit:", StringComparison.Ordinal))
            .GroupBy(f => f.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(f => f.Rule).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

    /// <summary>Subject → the codes the generator planted for it, sorted.</summary>
    public IReadOnlyDictionary<string, string> PlantedBySubject =>
        Summary.Breaches.GroupBy(b => b.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(b => b.Codes).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
