using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class FeedIngestTests
{
    [Fact]
    public void RejectUnopenable_AccessDenied_SaysWhyInChinese()
    {
        var ingest = new FeedIngest(Some.Stages());

        ingest.RejectUnopenable("cases", "cases.csv", new UnauthorizedAccessException("Access to the path '/data/cases.csv' is denied."));

        var reject = ingest.Data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 cases.csv 无法打开（没有读取权限），整个文件未读入");
        ingest.Data.Stats["cases"].FilesRejected.Should().Be(1);
    }
}
