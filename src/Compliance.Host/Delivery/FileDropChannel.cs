using System.Globalization;
using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Host.Serve;
using MiniExcelLibs;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Delivery;

/// <summary>
/// One CSV and/or XLSX per message in the unit's folder, named by the idempotency key: writing the same message
/// again rewrites the same file with the same rows, so a re-send never duplicates anything. Each file is written
/// beside its final name and renamed, so a reader never sees half a file.
/// </summary>
internal sealed class FileDropChannel(IOptions<DeliveryOptions> options, HomeFolders home) : IDeliveryChannel
{
    private static readonly string[] Columns = ["挂账编号", "类型", "规则", "级别", "对象", "责任单位", "发生日期", "基准日期", "问题", "依据", "计算过程", "督办级别"];

    public string Name => DeliveryChannels.File;

    public string FolderOf(string unit) =>
        Path.Combine(options.Value.FileDrop.Folder.Length > 0 ? Path.GetFullPath(options.Value.FileDrop.Folder) : home.Drop, unit);

    public Task Send(OutboxBatch batch, string recipientName, CancellationToken cancellationToken)
    {
        var folder = FolderOf(batch.Address);
        Directory.CreateDirectory(folder);
        var formats = options.Value.FileDrop.Formats.Count > 0 ? options.Value.FileDrop.Formats : ["csv", "xlsx"];
        var rows = batch.Notices.Select(Row).ToList();
        foreach (var format in formats.Select(f => f.ToLowerInvariant()).Distinct())
        {
            var final = Path.Combine(folder, $"{batch.Key}.{format}");
            var staged = Path.Combine(folder, $".{batch.Key}.{format}.tmp");
            if (format == "csv")
            {
                File.WriteAllText(staged, Csv(rows), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            }
            else
            {
                MiniExcel.SaveAs(staged, rows.Select(r => Columns.Zip(r).ToDictionary(p => p.First, p => (object)p.Second)), excelType: ExcelType.XLSX, overwriteFile: true);
            }
            File.Move(staged, final, overwrite: true);
        }
        return Task.CompletedTask;
    }

    private static string[] Row(AlertNotice n) =>
    [
        n.AlertId.ToString(CultureInfo.InvariantCulture), n.Undelivered is { } failure ? Undelivered(failure) : KindOf(n.Kind), n.Rule, MessageText.Chinese(n.Severity), n.Subject, n.Unit, n.OccurredOn, n.AsOf,
        n.Message, n.Basis, MessageText.Figures(n.Evidence), n.FollowUpSeverity is null ? "" : MessageText.Chinese(n.FollowUpSeverity),
    ];

    // The office reads these in Excel: the columns say 红牌 and 督办 as the e-mails do, not the webhook's codes.
    private static string KindOf(string kind) => kind switch
    {
        "new" => "新增",
        "changed" => "情况变化",
        "reopened" => "重新挂账",
        "follow-up" => "督办",
        DeliveryChannels.RunFailed => "判定失败",
        _ => kind,
    };

    private static string Undelivered(DeliveryFailure f) =>
        $"投递失败：致{f.RecipientName}（{f.Recipient}）经{MessageText.ChannelName(f.Channel)}（{f.Address}）尝试 {f.Attempts} 次未能送达，最近错误：{f.Error}";

    // A BOM, because the office opens these in Excel, which reads a BOM-less CSV as the local code page.
    private static string Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
