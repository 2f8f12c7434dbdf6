using System.Xml;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class ReadFailureTests
{
    public static TheoryData<Exception, string> Failures() => new()
    {
        { new UnauthorizedAccessException("Access to the path is denied."), "没有读取权限" },
        { new FileNotFoundException("Could not find file.", "/data/cases.csv"), "文件不存在" },
        { new DirectoryNotFoundException("Could not find a part of the path."), "文件所在的文件夹不存在" },
        { new PathTooLongException(), "路径过长" },
        { new IOException("The process cannot access the file because it is being used by another process.", unchecked((int)0x80070020)), "文件正被其他程序占用" },
        { new IOException("The process cannot access the file because another process has locked a portion of the file.", unchecked((int)0x80070021)), "文件正被其他程序占用" },
        { new EndOfStreamException(), "文件不完整，内容在结束前中断" },
        { new IOException("Input/output error"), "读取时出现 I/O 错误" },
        { new InvalidDataException("Block length does not match with its complement."), "压缩数据已损坏" },
        { new XmlException("Name cannot begin with the '<' character.", null, 2, 20), "XML 格式错误，位于第 2 行第 20 列" },
        { new InvalidCastException("Unable to cast object of type 'System.String' to type 'System.Double'."), "内容无法解析" },
        { new NullReferenceException(), "内容无法解析" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Reason_KnownFailure_ShortChineseReasonWithoutTypeName(Exception failure, string expected)
    {
        var reason = ReadFailure.Reason(failure);

        reason.Should().Be(expected);
        reason.Should().NotContain(failure.GetType().Name);
    }

    [Fact]
    public void Reason_XmlOfANamedPart_NamesThePart()
    {
        using var reader = XmlReader.Create(new StringReader("<a>\n<b></a>"), new XmlReaderSettings(), "xl/styles.xml");
        var failure = Record.Exception(() =>
        {
            while (reader.Read())
            {
            }
        });

        ReadFailure.Reason(failure!).Should().Be("xl/styles.xml 的 XML 格式错误，位于第 2 行第 6 列");
    }
}
