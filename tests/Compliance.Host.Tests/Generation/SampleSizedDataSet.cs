using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The samples' options (300 cases, four bad rows per feed) in a scratch folder.</summary>
public sealed class SampleSizedDataSet : GeneratedDataSet
{
    public SampleSizedDataSet()
        : base(folder => SampleData.Options(GenerationPaths.ShippedRules, folder))
    {
    }
}
