using System.Text;
using Compliance.Engine.Findings;
using Newtonsoft.Json;

namespace Compliance.Engine.Tests.Findings;

public class EvidenceJsonTests
{
    [Fact]
    public void WriteObject_ThroughNewtonsoftAndStraightToUtf8_SameText()
    {
        var varied = new VariedFindings(seed: 42);
        for (var i = 0; i < 500; i++)
        {
            var evidence = varied.Evidence(depth: 0);

            NewtonsoftText(evidence).Should().Be(Utf8Text(evidence));
        }
    }

    [Fact]
    public void WriteObject_Newtonsoft_CompactInItsOwnKeyOrder()
    {
        var evidence = new Evidence().Add("used", 3).Add("open", true).Add("amount", 600m).Add("on", new DateOnly(2025, 1, 2));

        NewtonsoftText(evidence).Should().Be("{\"used\":3,\"open\":true,\"amount\":600.00,\"on\":\"2025-01-02\"}");
    }

    [Fact]
    public void WriteObject_EnumValue_ThrowsNamingTheKey()
    {
        var write = () => Utf8Text(new Evidence().Add("level", DayOfWeek.Monday));

        write.Should().Throw<ArgumentException>().WithMessage("*'level'*DayOfWeek*");
    }

    private static string NewtonsoftText(Evidence evidence)
    {
        using var text = new StringWriter();
        using (var json = new JsonTextWriter(text))
        {
            EvidenceJson.WriteObject(json, evidence);
        }
        return text.ToString();
    }

    private static string Utf8Text(Evidence evidence)
    {
        using var json = new JsonUtf8Writer();
        EvidenceJson.WriteObject(json, evidence);
        return Encoding.UTF8.GetString(json.Written);
    }
}
