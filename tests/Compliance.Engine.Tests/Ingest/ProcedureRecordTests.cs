using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public sealed class ProcedureRecordTests
{
    [Theory]
    [InlineData("1", "延长审批")]
    [InlineData(" Extension ", "延长审批")]
    [InlineData("EXTENSION", "延长审批")]
    [InlineData("延长审批", "延长审批")]
    [InlineData("2", "暂停计时")]
    [InlineData("Suspension", "暂停计时")]
    [InlineData("暂停计时", "暂停计时")]
    [InlineData("专家评审", "专家评审")]
    public void DisplayName_FeedLabel_NameAReaderKnows(string label, string expected)
    {
        var record = new ProcedureRecord { CaseId = "XK-1", KindLabel = label, Kind = ProcedureKind.Suspension, Start = new DateOnly(2025, 10, 9) };

        record.DisplayName.Should().Be(expected);
    }
}
