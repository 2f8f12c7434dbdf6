using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The console account names the files, the findings to expect and the bad rows.</summary>
public sealed class GenerationReportTests : IClassFixture<SampleSizedDataSet>
{
    private readonly SampleSizedDataSet _sample;

    public GenerationReportTests(SampleSizedDataSet sample) => _sample = sample;

    [Fact]
    public void Describe_Samples_ListsFilesFindingsAndRejects()
    {
        var text = GenerationReport.Describe(_sample.Summary);

        text.Should().Contain("cases.csv  GB18030，中文表头，300 条数据");
        text.Should().Contain($"预置违规记录 {_sample.Summary.Breaches.Count} 条");
        text.Should().Contain($"  case.overdue-statutory {_sample.Summary.FindingCounts()["case.overdue-statutory"]}");
        text.Should().Contain("其中建议告诫谈话的单位：U01");
        text.Should().Contain($"预置坏行 {_sample.Summary.Rejects.Count} 行");
        text.Should().NotContain("未预置");
    }
}
