using Compliance.Engine.Findings;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public sealed class TemplateRendererTests
{
    [Fact]
    public void Render_EveryKindOfValue_WrittenAsFindingsShowThem()
    {
        var values = new TemplateValues(new Evidence()
            .Add("used", 32)
            .Add("over", -2)
            .Add("deadline", new DateOnly(2025, 3, 9))
            .Add("amount", 1234.5m)
            .Add("open", true)
            .Add("unit", "U01")
            .Add("none", null)
            .Add("stops", new List<string> { "检验", "鉴定" }))
            .With("extra", 7L);

        var text = TemplateRenderer.Render("{used}/{over} {deadline} {amount} {open} {unit} {none} {stops} {extra}", values);

        text.Should().Be("32/-2 2025-03-09 1234.50 是 U01 无 检验、鉴定 7");
    }

    [Fact]
    public void Render_WordingForAKeyTheEvidenceHasAsNull_WordingStandsIn()
    {
        var values = new TemplateValues(new Evidence().Add("deadline", null).Add("used", 3))
            .With("deadline", "届满日（暂不能确定）")
            .With("used", 99);

        TemplateRenderer.Render("{deadline}/{used}", values).Should().Be("届满日（暂不能确定）/3");
    }

    [Theory]
    [InlineData("无占位符", "无占位符")]
    [InlineData("{typo}个工作日", "{typo}个工作日")]
    [InlineData("已用{used", "已用{used")]
    [InlineData("{used}{used}", "3232")]
    public void Render_PlainUnknownOrUnclosed_LeftAsWritten(string template, string expected) =>
        TemplateRenderer.Render(template, new TemplateValues(new Evidence().Add("used", 32))).Should().Be(expected);

    [Fact]
    public void Render_OneAfterAnother_EachOnlyItsOwnText()
    {
        var values = new TemplateValues(new Evidence().Add("id", "XK-1"));

        TemplateRenderer.Render("办件{id}超期", values);
        var second = TemplateRenderer.Render("{id}", values);

        second.Should().Be("XK-1");
    }
}
