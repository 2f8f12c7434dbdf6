namespace Compliance.Engine.Alerts;

/// <summary>The states of the 挂账 ledger, as stored and as typed on the command line.</summary>
public static class AlertState
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Rectified = "rectified";
    public const string Appealed = "appealed";
    public const string Upheld = "upheld";
    public const string Overturned = "overturned";
    public const string Revoked = "revoked";
    public const string AutoClosed = "auto-closed";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All =
        [Pending, Sent, Acknowledged, Rectified, Appealed, Upheld, Overturned, Revoked, AutoClosed, Closed];

    /// <summary>Closed with a result: nothing more is asked of the unit.</summary>
    public static bool IsTerminal(string state) => state is Overturned or Revoked or AutoClosed or Closed;

    public static string ToChinese(string state) => state switch
    {
        Pending => "待发",
        Sent => "已发",
        Acknowledged => "已签收",
        Rectified => "已整改",
        Appealed => "申诉中",
        Upheld => "申诉驳回",
        Overturned => "申诉成立",
        Revoked => "已撤销",
        AutoClosed => "自动关闭",
        Closed => "已办结",
        _ => state,
    };
}
