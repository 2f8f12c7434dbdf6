namespace Compliance.Engine.Alerts;

/// <summary>What a person does to an alert from the command line.</summary>
public enum AlertAction
{
    /// <summary>签收: the unit has received it.</summary>
    Acknowledge,

    /// <summary>整改: the unit reports it put the breach right.</summary>
    Rectify,

    /// <summary>申诉: the unit contests the finding.</summary>
    Appeal,

    /// <summary>The office rejects an appeal: the alert stands and rectification is due.</summary>
    Uphold,

    /// <summary>The office accepts an appeal: the alert is void.</summary>
    Overturn,

    /// <summary>撤销: the office withdraws the alert.</summary>
    Revoke,

    /// <summary>办结: the office closes the alert with a result.</summary>
    Close,
}
