using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class HeaderMatcherTests
{
    [Theory]
    [InlineData("办件编号", "办件编号")]
    [InlineData("  办件编号  ", "办件编号")]
    [InlineData("\u3000办件编号\u3000", "办件编号")]
    [InlineData("办件编号(必填)", "办件编号")]
    [InlineData("办件编号（必填）", "办件编号")]
    [InlineData("办件编号 ( 必填 )", "办件编号")]
    [InlineData("办件编号*", "办件编号")]
    [InlineData("*办件编号", "*办件编号")]
    [InlineData("办件编号＊", "办件编号")]
    [InlineData("\u3000办件编号*(必填)\u3000", "办件编号")]
    [InlineData("\uFEFF办件编号", "办件编号")]
    [InlineData("Case_ID", "Case_ID")]
    [InlineData("办件编号(可选)", "办件编号(可选)")]
    public void Normalize_Header_StripsSpacesAndRequiredMarks(string header, string expected)
    {
        HeaderMatcher.Normalize(header).Should().Be(expected);
    }

    [Fact]
    public void Match_ChineseEnglishMixedCaseAndMarks_MapsEveryColumn()
    {
        string[] headers = ["\u3000办件编号(必填)\u3000", "Item_Code*", "UNIT_CODE（必填）", " Accepted_At ", "备注"];

        var match = HeaderMatcher.Match(CaseRowParser.CasesSchema, headers);

        match.Missing.Should().BeEmpty();
        match.Conflicts.Should().BeEmpty();
        match.Unknown.Should().Equal("备注");
        match.ColumnOfField[CaseRowParser.CaseId].Should().Be(0);
        match.ColumnOfField[CaseRowParser.ItemCode].Should().Be(1);
        match.ColumnOfField[CaseRowParser.UnitCode].Should().Be(2);
        match.ColumnOfField[CaseRowParser.AcceptedAt].Should().Be(3);
        match.ColumnOfField[CaseRowParser.DecidedAt].Should().Be(-1);
    }

    [Fact]
    public void Match_RequiredColumnsAbsent_ListsThemInSchemaOrder()
    {
        var match = HeaderMatcher.Match(CaseRowParser.CasesSchema, ["办件编号", "受理单位编码"]);

        match.Missing.Should().Equal("事项编码(item_code)", "受理时间(accepted_at)");
    }

    [Fact]
    public void Match_TwoHeadersForOneField_ReportsTheSecondAsConflict()
    {
        var match = HeaderMatcher.Match(CaseRowParser.CasesSchema, ["办件编号", "case_id"]);

        match.Conflicts.Should().Equal("case_id");
        match.ColumnOfField[CaseRowParser.CaseId].Should().Be(0);
    }

    [Fact]
    public void Match_EmptyHeaders_AreNeitherUnknownNorMissing()
    {
        var match = HeaderMatcher.Match(ProcedureRowParser.ProceduresSchema, ["办件编号", "kind", "start", "", " "]);

        match.Unknown.Should().BeEmpty();
        match.Missing.Should().BeEmpty();
    }
}
