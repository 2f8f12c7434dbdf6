using System.Xml;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Why a file could not be opened or read, as a short Chinese phrase for rejects.csv and the console: users read
/// these, so never a .NET type name. A failure not told apart here gets a generic phrase.
/// </summary>
internal static class ReadFailure
{
    /// <summary>ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program (Excel, mostly) holds the file.</summary>
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    public static string Reason(Exception failure) => failure switch
    {
        UnauthorizedAccessException => "没有读取权限",
        FileNotFoundException => "文件不存在",
        DirectoryNotFoundException => "文件所在的文件夹不存在",
        PathTooLongException => "路径过长",
        EndOfStreamException => "文件不完整，内容在结束前中断",
        IOException e when (e.HResult & 0xFFFF) is SharingViolation or LockViolation => "文件正被其他程序占用",
        IOException => "读取时出现 I/O 错误",
        InvalidDataException => "压缩数据已损坏",
        XmlException e => Xml(e),
        _ => "内容无法解析",
    };

    /// <summary>The part is named where the reader was given it as its base URI.</summary>
    private static string Xml(XmlException e)
    {
        var where = $"XML 格式错误，位于第 {e.LineNumber} 行第 {e.LinePosition} 列";
        return string.IsNullOrEmpty(e.SourceUri) ? where : $"{e.SourceUri} 的 {where}";
    }
}
