using Compliance.Engine.Catalog;

namespace Compliance.Rules.Evaluation;

/// <summary>Defaults of the built-in checks that are NRules rules (severity, basis and message templates).</summary>
internal sealed record CrossRecordCheck(string Code, Severity Severity, string Basis, string Message)
{
    public static readonly CrossRecordCheck Duplicate = new(
        BuiltInChecks.FeeDuplicate,
        Severity.Yellow,
        "《中华人民共和国行政许可法》第五十九条（按照公布的法定项目和标准收费）",
        "办件{caseId}的收费项目{feeCode}重复收取：缴款单{id}（{chargedOn}，{amount}元）为第{occurrence}次收取，首次为缴款单{firstCharge}（{firstChargedOn}）");

    public static readonly CrossRecordCheck OutOfOrder = new(
        BuiltInChecks.StageOutOfOrder,
        Severity.Red,
        "前置环节未办结不得开展后续环节（未批先建）；{prerequisiteBasis}",
        "项目{project}的{stage}环节于{started}开始，但前置环节{missingText}在此之前尚未办结（未批先建）");

    public static readonly CrossRecordCheck WarningTalk = new(
        BuiltInChecks.UnitWarningTalk,
        Severity.Yellow,
        "效能告诫：{windowDays}日内红牌达到{threshold}条",
        "单位{unit}在{windowFrom}至{windowTo}期间有{redFindings}条红牌（{byCodeText}），建议进行效能告诫谈话");

    /// <summary>The defaults with settings.json <c>checks</c> applied; null when switched off.</summary>
    public CrossRecordCheck? With(Settings settings)
    {
        if (!settings.Checks.TryGetValue(Code, out var o))
        {
            return this;
        }
        if (o.Enabled == false)
        {
            return null;
        }
        return this with { Severity = o.Severity ?? Severity, Basis = o.Basis ?? Basis, Message = o.Message ?? Message };
    }
}
