using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;

namespace Compliance.Host.Delivery;

/// <summary>The Chinese text of a message: subject line and body, with each notice's figures and basis.</summary>
internal static class MessageText
{
    public static string Subject(OutboxBatch batch, string recipientName)
    {
        if (batch.Notices[0].RunFailed is { } run)
        {
            return $"【效能监察·判定失败】复核 #{run.RunId}（{TriggerName(run.Trigger)}，{BeijingTime(run.StartedAt)}）失败，未产生问题记录：规则集 {run.RuleSet}";
        }
        if (batch.Notices[0].Undelivered is { } failure)
        {
            return $"【效能监察·投递失败】致{failure.RecipientName}（{failure.Recipient}）的通知未能送达：挂账 {AlertList(batch)}";
        }
        if (batch.Notices.Count > 1)
        {
            return $"【效能监察】{recipientName} 挂账汇总（{batch.Notices.Count} 条）";
        }
        var n = batch.Notices[0];
        return n.Kind == "follow-up"
            ? $"【效能监察·{Chinese(n.FollowUpSeverity)}督办】挂账 #{n.AlertId} 逾期未{FollowUpWhat(n)}：{n.Subject}"
            : $"【效能监察·{Chinese(n.Severity)}】挂账 #{n.AlertId}{KindText(n)}：{n.Subject}";
    }

    public static string Body(OutboxBatch batch, string recipientName)
    {
        var text = new StringBuilder();
        text.Append(recipientName).Append("：\n\n");
        if (batch.Notices[0].RunFailed is { } run)
        {
            return RunFailed(text, batch, run);
        }
        if (batch.Notices[0].Undelivered is { } failure)
        {
            return Undelivered(text, batch, failure);
        }
        text.Append(batch.Notices.Count > 1 ? $"以下 {batch.Notices.Count} 条挂账事项请及时处理。\n\n" : "以下挂账事项请及时处理。\n\n");
        foreach (var n in batch.Notices)
        {
            Notice(text, n);
            text.Append('\n');
        }
        text.Append("请通过 compliance alerts ack/rectify/appeal 登记签收、整改或申诉。\n");
        text.Append("消息编号：").Append(batch.Key).Append('\n');
        return text.ToString();
    }

    // The office is told what its unit never got, with the notices themselves, so that it can pass them on.
    private static string Undelivered(StringBuilder text, OutboxBatch batch, DeliveryFailure failure)
    {
        text.Append($"致{failure.RecipientName}（{failure.Recipient}）关于挂账 {AlertList(batch)} 的通知，经{ChannelName(failure.Channel)}（{failure.Address}）")
            .Append($"尝试 {failure.Attempts} 次仍未能送达，系统已停止重试。最近一次错误：{failure.Error}\n");
        text.Append("请通过其他方式通知该单位；通知后可用 compliance alerts ack 登记签收。未送达的通知如下。\n\n");
        foreach (var n in batch.Notices)
        {
            Notice(text, n);
            text.Append('\n');
        }
        text.Append("原消息编号：").Append(failure.MessageKey).Append('\n');
        text.Append("消息编号：").Append(batch.Key).Append('\n');
        return text.ToString();
    }

    // Nothing was judged, so nothing was sent to any unit: the office is the only one who can notice and mend it.
    private static string RunFailed(StringBuilder text, OutboxBatch batch, RunFailureNotice run)
    {
        text.Append($"复核 #{run.RunId} 于 {BeijingTime(run.StartedAt)}（北京时间）由{TriggerName(run.Trigger)}触发，基准日期 {run.AsOf}，")
            .Append($"使用规则集 {run.RuleSet}，运行失败，未产生任何问题记录，也未向任何单位发出通知。\n");
        text.Append("错误：\n").Append(run.Error).Append('\n');
        text.Append("\n在修正之前，同一规则集对同一批数据的每次复核都会同样失败（本通知只发一次）。")
            .Append("请按错误所指的规则文件和行号修正该规则，或暂时停用（移出 rules/workflows/），")
            .Append("并用 compliance rules validate 和 compliance rules test 检查后再发布；规则集变更后，有待复核的新数据时随即重新复核，否则在下一次每日复核时复核。")
            .Append("可用 compliance runs list 查看各次复核的结果。\n");
        text.Append("消息编号：").Append(batch.Key).Append('\n');
        return text.ToString();
    }

    private static string TriggerName(string trigger) => trigger switch
    {
        "daily" => "每日复核",
        "inbox" => "收件箱新数据",
        "ingest" => "compliance ingest",
        _ => trigger,
    };

    private static string BeijingTime(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string AlertList(OutboxBatch batch) =>
        string.Join("、", batch.Notices.Select(n => n.AlertId).Distinct().Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)));

    public static string ChannelName(string channel) => channel switch
    {
        DeliveryChannels.Email => "电子邮件",
        DeliveryChannels.Webhook => "接口推送",
        DeliveryChannels.File => "文件交换",
        _ => channel,
    };

    public static void Notice(StringBuilder text, AlertNotice n)
    {
        text.Append("挂账编号：#").Append(n.AlertId.ToString(CultureInfo.InvariantCulture)).Append(KindText(n)).Append('\n');
        if (n.Kind == "follow-up")
        {
            text.Append("督办级别：").Append(Chinese(n.FollowUpSeverity))
                .Append($"（{FollowUpWhat(n)}已用 {n.FollowUpUsed} 个工作日，时限 {n.FollowUpLimit} 个工作日）\n");
        }
        text.Append("问题：").Append(n.Message).Append('\n');
        text.Append("规则：").Append(n.Rule).Append('（').Append(Chinese(n.Severity)).Append("）\n");
        text.Append("对象：").Append(n.Subject).Append('\n');
        text.Append("责任单位：").Append(n.Unit).Append(' ').Append(n.UnitName).Append('\n');
        text.Append("发生日期：").Append(n.OccurredOn).Append("　基准日期：").Append(n.AsOf).Append('\n');
        text.Append("依据：").Append(n.Basis).Append('\n');
        text.Append("计算过程：").Append(Figures(n.Evidence)).Append('\n');
    }

    /// <summary>The evidence as <c>key=value</c> pairs in its own order.</summary>
    public static string Figures(string evidenceJson)
    {
        using var doc = JsonDocument.Parse(evidenceJson);
        return string.Join("，", doc.RootElement.EnumerateObject().Select(p => $"{p.Name}={Value(p.Value)}"));
    }

    private static string Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Array => "[" + string.Join("；", v.EnumerateArray().Select(Value)) + "]",
        JsonValueKind.Null => "",
        _ => v.GetRawText(),
    };

    private static string KindText(AlertNotice n) => n.Kind switch
    {
        "changed" => "（情况变化）",
        "reopened" => "（重新挂账）",
        "follow-up" => "（督办）",
        _ => "",
    };

    private static string FollowUpWhat(AlertNotice n) => n.FollowUpOf == "acknowledgement" ? "签收" : "整改";

    public static string Chinese(string? severity) => SeverityNames.TryParse(severity, out var s) ? s.ToChinese() : severity ?? "";
}
