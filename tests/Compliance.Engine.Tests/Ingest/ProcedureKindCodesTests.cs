using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public sealed class ProcedureKindCodesTests
{
    [Theory]
    [InlineData("1", ProcedureKind.Extension)]
    [InlineData("延长审批", ProcedureKind.Extension)]
    [InlineData("eXtension", ProcedureKind.Extension)]
    [InlineData("2", ProcedureKind.Suspension)]
    [InlineData("暂停计时", ProcedureKind.Suspension)]
    [InlineData("SUSPENSION", ProcedureKind.Suspension)]
    public void Of_Code_Kind(string label, ProcedureKind expected) =>
        ProcedureKindCodes.Of(label).Should().Be(expected);

    [Theory]
    [InlineData("专家评审")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(" 1")]
    public void Of_NamedStopOrUnknown_Null(string label) =>
        ProcedureKindCodes.Of(label).Should().BeNull();
}
