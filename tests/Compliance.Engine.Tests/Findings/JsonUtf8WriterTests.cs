using System.Text;
using Compliance.Engine.Findings;
using Newtonsoft.Json;

namespace Compliance.Engine.Tests.Findings;

public class JsonUtf8WriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_RandomDocuments_SameBytesAsNewtonsoft(bool indented)
    {
        var random = new Random(indented ? 1 : 2);
        var text = new VariedFindings(seed: 3);
        for (var i = 0; i < 300; i++)
        {
            var document = Node(random, text, depth: 0);

            // A small buffer over a sink makes the writer hand its bytes on many times in the middle of tokens' runs.
            var ours = OutputBytes.Of(s =>
            {
                using var json = new JsonUtf8Writer(indented, sink: s, capacity: 64);
                Write(json, document);
                json.Flush();
            });

            Encoding.UTF8.GetString(ours).Should().Be(Encoding.UTF8.GetString(Newtonsoft(document, indented)));
        }
    }

    [Fact]
    public void Write_IndentedNesting_TwoSpacesPerLevelAndEmptyContainersOnOneLine()
    {
        using var json = new JsonUtf8Writer(indented: true);
        json.WriteStartObject();
        json.WritePropertyName("a");
        json.WriteStartArray();
        json.WriteValue(1L);
        json.WriteStartObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WritePropertyName("b");
        json.WriteStartArray();
        json.WriteEndArray();
        json.WriteEndObject();

        Encoding.UTF8.GetString(json.Written).Should().Be("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}");
    }

    private static object? Node(Random random, VariedFindings text, int depth) => random.Next(depth < 4 ? 9 : 6) switch
    {
        0 => null,
        1 => text.Text(),
        2 => random.NextInt64(long.MinValue, long.MaxValue),
        3 => random.Next(2) == 0,
        4 => random.Next(-5, 5),
        5 => "",
        6 => Enumerable.Range(0, random.Next(4)).Select(_ => Node(random, text, depth + 1)).ToList(),
        _ => Enumerable.Range(0, random.Next(4)).Select(k => new KeyValuePair<string, object?>($"{text.Text(1)}{k}", Node(random, text, depth + 1))).ToArray(),
    };

    private static void Write(JsonUtf8Writer json, object? node)
    {
        switch (node)
        {
            case KeyValuePair<string, object?>[] properties:
                json.WriteStartObject();
                foreach (var (key, value) in properties)
                {
                    json.WritePropertyName(key);
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case List<object?> items:
                json.WriteStartArray();
                items.ForEach(item => Write(json, item));
                json.WriteEndArray();
                break;
            case string s:
                json.WriteValue(s);
                break;
            case long l:
                json.WriteValue(l);
                break;
            case int i:
                json.WriteValue(i);
                break;
            case bool b:
                json.WriteValue(b);
                break;
            default:
                json.WriteNull();
                break;
        }
    }

    private static byte[] Newtonsoft(object? document, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var text = NewtonsoftFindings.NewText(buffer))
        using (var json = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None, Indentation = 2, IndentChar = ' ' })
        {
            Write(json, document);
        }
        return buffer.ToArray();
    }

    private static void Write(JsonTextWriter json, object? node)
    {
        switch (node)
        {
            case KeyValuePair<string, object?>[] properties:
                json.WriteStartObject();
                foreach (var (key, value) in properties)
                {
                    json.WritePropertyName(key);
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case List<object?> items:
                json.WriteStartArray();
                items.ForEach(item => Write(json, item));
                json.WriteEndArray();
                break;
            case null:
                json.WriteNull();
                break;
            default:
                json.WriteValue(node);
                break;
        }
    }
}
