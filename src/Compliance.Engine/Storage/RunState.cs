namespace Compliance.Engine.Storage;

/// <summary>How a run ended, as stored in <see cref="RunRow.State"/>.</summary>
public static class RunState
{
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static string ToChinese(string state) => state switch
    {
        Completed => "完成",
        Failed => "失败",
        _ => state,
    };
}
