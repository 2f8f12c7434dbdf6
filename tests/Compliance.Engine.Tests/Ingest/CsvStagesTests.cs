using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CsvStagesTests
{
    [Theory]
    [InlineData("立项", "立项")]
    [InlineData("approval", "立项")]
    [InlineData("EIA", "环评")]
    [InlineData("用地", "用地")]
    [InlineData("施工许可", "建设")]
    [InlineData("construction", "建设")]
    public void Read_Stage_ResolvesToCanonicalName(string stage, string expected)
    {
        var data = Some.Read("stages", Some.Csv(Some.StagesHeader, Some.StageRow(stage: stage)));

        data.Stages.Should().ContainSingle().Which.Stage.Should().Be(expected);
    }

    [Fact]
    public void Read_FullRow_BuildsStageRecord()
    {
        var data = Some.Read("stages", Some.Csv(
            "项目代码,项目名称,环节,环节类型,责任单位编码,开始时间,完成时间,时限,时限单位",
            "2501-330100-04-01-000001,某项目,环评,报告书,U05,2025年9月1日,2025年10月31日,60,自然日"));

        data.Stages.Should().Equal(new StageRecord
        {
            ProjectCode = "2501-330100-04-01-000001",
            ProjectName = "某项目",
            Stage = "环评",
            StageType = "报告书",
            UnitCode = "U05",
            StartedOn = new DateOnly(2025, 9, 1),
            CompletedOn = new DateOnly(2025, 10, 31),
            Limit = 60,
            LimitUnit = LimitUnit.Calendar,
            Line = 2,
        });
    }

    [Theory]
    [InlineData("工作日", LimitUnit.Working)]
    [InlineData("working", LimitUnit.Working)]
    [InlineData("自然日", LimitUnit.Calendar)]
    [InlineData("Calendar", LimitUnit.Calendar)]
    public void Read_LimitUnit_Maps(string unit, LimitUnit expected)
    {
        var data = Some.Read("stages", Some.Csv(Some.StagesHeader, Some.StageRow(limit: "20", limitUnit: unit)));

        data.Stages.Should().ContainSingle().Which.LimitUnit.Should().Be(expected);
    }

    [Fact]
    public void Read_EachRejectReason_OneRejectAtItsLine()
    {
        var data = Some.Read("stages", Some.Csv(
            Some.StagesHeader,
            Some.StageRow(project: "P1", stage: "立项"),
            Some.StageRow(project: "P2", stage: "验收"),
            Some.StageRow(project: "P3", limit: "20"),
            Some.StageRow(project: "P4", limit: "20", limitUnit: "小时"),
            Some.StageRow(project: "P5", limit: "-3", limitUnit: "工作日"),
            Some.StageRow(project: "P6", started: "2025-10-08", completed: "2025-10-01"),
            Some.StageRow(project: "P7", unit: ""),
            Some.StageRow(project: "P1", stage: "approval", unit: "U2")));

        data.Rejects.Select(Some.Shape).Should().Equal(
            (3, "环节", "验收", RejectReason.UnknownValue),
            (4, "时限单位", "", RejectReason.MissingRequired),
            (5, "时限单位", "小时", RejectReason.UnknownValue),
            (6, "时限", "-3", RejectReason.BadNumber),
            (7, "完成时间", "2025-10-01", RejectReason.EndBeforeStart),
            (8, "责任单位编码", "", RejectReason.MissingRequired),
            (9, "项目代码", "P1", RejectReason.DuplicateKey));
    }

    [Fact]
    public void Read_LimitWithoutUnitColumn_IsMissingRequiredOnLimitUnit()
    {
        var data = Some.Read("stages", Some.Csv("项目代码,环节,责任单位编码,开始时间,时限", "P1,立项,U1,2025-10-08,20"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "时限单位", "", RejectReason.MissingRequired));
    }

    [Fact]
    public void Read_AliasAndCanonicalOfOneStage_AreOneKey()
    {
        var data = Some.Read("stages", Some.Csv(
            Some.StagesHeader,
            Some.StageRow(project: "P1", stage: "建设"),
            Some.StageRow(project: "P1", stage: "施工许可"),
            Some.StageRow(project: "P1", stage: "施工许可", started: "2025-10-09"),
            Some.StageRow(project: "P2", stage: "建设")));

        data.Stages.Select(s => (s.ProjectCode, s.Stage)).Should().Equal(("P1", "建设"), ("P2", "建设"));
        data.Stats["stages"].Should().BeEquivalentTo(new FeedStats { Read = 4, Accepted = 2, Duplicate = 1, Rejected = 1 });
        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain("P1/建设");
    }
}
