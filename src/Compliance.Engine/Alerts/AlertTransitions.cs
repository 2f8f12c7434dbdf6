namespace Compliance.Engine.Alerts;

/// <summary>Which person's action is allowed from which state, and where it leads.</summary>
public static class AlertTransitions
{
    public static bool TryNext(string from, AlertAction action, out string to)
    {
        to = action switch
        {
            AlertAction.Acknowledge when from is AlertState.Pending or AlertState.Sent => AlertState.Acknowledged,
            AlertAction.Rectify when from is AlertState.Sent or AlertState.Acknowledged or AlertState.Upheld => AlertState.Rectified,
            AlertAction.Appeal when from is AlertState.Sent or AlertState.Acknowledged => AlertState.Appealed,
            AlertAction.Uphold when from is AlertState.Appealed => AlertState.Upheld,
            AlertAction.Overturn when from is AlertState.Appealed => AlertState.Overturned,
            AlertAction.Revoke when !AlertState.IsTerminal(from) => AlertState.Revoked,
            AlertAction.Close when !AlertState.IsTerminal(from) => AlertState.Closed,
            _ => "",
        };
        return to.Length > 0;
    }

    public static string Name(AlertAction action) => action switch
    {
        AlertAction.Acknowledge => "acknowledge",
        AlertAction.Rectify => "rectify",
        AlertAction.Appeal => "appeal",
        AlertAction.Uphold => "uphold",
        AlertAction.Overturn => "overturn",
        AlertAction.Revoke => "revoke",
        AlertAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string ToChinese(AlertAction action) => action switch
    {
        AlertAction.Acknowledge => "签收",
        AlertAction.Rectify => "整改",
        AlertAction.Appeal => "申诉",
        AlertAction.Uphold => "驳回申诉",
        AlertAction.Overturn => "申诉成立",
        AlertAction.Revoke => "撤销",
        AlertAction.Close => "办结",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
