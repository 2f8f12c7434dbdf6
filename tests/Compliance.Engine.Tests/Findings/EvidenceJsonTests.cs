using System.Text;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class EvidenceJsonTests
{
    [Fact]
    public void Text_VariedEvidence_AsNewtonsoftWritesIt()
    {
        var varied = new VariedFindings(seed: 42);
        for (var i = 0; i < 500; i++)
        {
            var evidence = varied.Evidence(depth: 0);

            EvidenceJson.Text(evidence).Should().Be(NewtonsoftFindings.EvidenceText(evidence));
        }
    }

    [Fact]
    public void Text_Evidence_CompactInItsOwnKeyOrder()
    {
        var evidence = new Evidence().Add("used", 3).Add("open", true).Add("amount", 600m).Add("on", new DateOnly(2025, 1, 2));

        EvidenceJson.Text(evidence).Should().Be("{\"used\":3,\"open\":true,\"amount\":600.00,\"on\":\"2025-01-02\"}");
    }

    [Fact]
    public void WriteObject_EnumValue_ThrowsNamingTheKey()
    {
        var write = () => Utf8Text(new Evidence().Add("level", DayOfWeek.Monday));

        write.Should().Throw<ArgumentException>().WithMessage("*'level'*DayOfWeek*");
    }

    private static string Utf8Text(Evidence evidence)
    {
        using var json = new JsonUtf8Writer();
        EvidenceJson.WriteObject(json, evidence);
        return Encoding.UTF8.GetString(json.Written);
    }
}
