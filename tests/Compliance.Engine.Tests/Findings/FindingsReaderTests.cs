using System.Text;
using Compliance.Engine.Findings;
using Newtonsoft.Json;

namespace Compliance.Engine.Tests.Findings;

public sealed class FindingsReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("findings-reader-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadFile_ThousandsOfWrittenFindings_SameAsReadingEachLineThoroughly()
    {
        var written = new VariedFindings(seed: 11).Take(5000).Where(f => f.Message is not null).ToList();
        var path = WriteFile(Encoding.UTF8.GetString(NewtonsoftFindings.Write(written)));

        var read = FindingsReader.ReadFile(path);

        var lines = File.ReadAllLines(path);
        read.Should().HaveCount(written.Count);
        for (var i = 0; i < read.Count; i++)
        {
            SameFinding.Should(read[i], FindingsReader.Parse(lines[i], path, i + 1), $"line {i + 1}");
        }
        OutputBytes.Of(s => FindingsWriter.Write(s, read)).Should().Equal(File.ReadAllBytes(path));
    }

    [Fact]
    public void ReadFile_EmptyLinesAndMixedLineEnds_CountedAsReadLineCountsThem()
    {
        var line = OneLine(Some.Finding());
        var path = WriteFile($"{line}\r\n\n{line}\r\r{line.Replace("\"rule\"", "\"rulе\"", StringComparison.Ordinal)}");

        var read = () => FindingsReader.ReadFile(path);

        read.Should().Throw<InvalidDataException>().WithMessage($"{path}:5: missing \"rule\"");
    }

    [Fact]
    public void ReadFile_MalformedLine_ThrowsWhatNewtonsoftThrows()
    {
        var path = WriteFile(OneLine(Some.Finding()) + "\n{\"rule\": oops}\n");

        var read = () => FindingsReader.ReadFile(path);

        read.Should().Throw<JsonReaderException>().Which.Message.Should().Be(Thrown(() => FindingsReader.Parse("{\"rule\": oops}", path, 2))!.Message);
    }

    [Fact]
    public void ReadFile_ErrorsInSeveralBlocks_ThrowsTheFirstInTheFile()
    {
        var lines = Enumerable.Repeat(OneLine(Some.Finding()), 3 * 2048).ToArray();
        lines[5000] = lines[5000].Replace("\"severity\":\"red\"", "\"severity\":\"purple\"", StringComparison.Ordinal);
        lines[3000] = lines[3000].Replace("\"evidence\":{", "\"evidence\":[{", StringComparison.Ordinal).Replace("},\"ruleSet\"", "}],\"ruleSet\"", StringComparison.Ordinal);
        var path = WriteFile(string.Join('\n', lines));

        var read = () => FindingsReader.ReadFile(path);

        read.Should().Throw<InvalidDataException>().WithMessage($"{path}:3001: no evidence");
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void ReadFile_ByteOrderMark_ReadInItsEncoding(string encoding)
    {
        var findings = new VariedFindings(seed: 5).Take(50).Where(f => f.Message is not null).ToList();
        var text = Encoding.UTF8.GetString(NewtonsoftFindings.Write(findings));
        var path = Path.Combine(_directory, "bom.jsonl");
        File.WriteAllText(path, text, encoding == "utf-8-bom" ? new UTF8Encoding(true) : Encoding.GetEncoding(encoding));

        var read = FindingsReader.ReadFile(path);

        OutputBytes.Of(s => FindingsWriter.Write(s, read)).Should().Equal(NewtonsoftFindings.Write(findings));
    }

    [Fact]
    public void ReadFile_LinesTheQuickReadingLeavesAlone_ReadTheThoroughWay()
    {
        var line = OneLine(Some.Finding(evidence: new Evidence().Add("used", 22)));
        string[] lines =
        [
            line.Replace("\"used\":22", "\"used\":22,\"used\":23", StringComparison.Ordinal),
            line.Replace("{\"rule\"", "{\"rule\":\"x\",\"rule\"", StringComparison.Ordinal),
            line.Replace("\"used\":22", "\"used\":-0.0", StringComparison.Ordinal),
            line.Replace("\"used\":22", "\"used\":1E2", StringComparison.Ordinal),
            line.Replace("\"used\":22", "/* why */ \"used\":22", StringComparison.Ordinal),
            line.Replace("\"used\":22", "'used':22", StringComparison.Ordinal),
            line + " trailing",
        ];
        var path = WriteFile(string.Join('\n', lines));

        var read = FindingsReader.ReadFile(path);

        read.Should().HaveCount(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            SameFinding.Should(read[i], FindingsReader.Parse(lines[i], path, i + 1), lines[i]);
        }
    }

    [Fact]
    public void ReadFile_ByteOrderMarkStartingALaterLine_ThrowsWhatNewtonsoftThrows()
    {
        var line = OneLine(Some.Finding());
        var path = WriteFile($"{line}\n\ufeff{line}");

        var read = () => FindingsReader.ReadFile(path);

        read.Should().Throw<JsonReaderException>().Which.Message.Should().Be(Thrown(() => FindingsReader.Parse("\ufeff" + line, path, 2))!.Message);
    }

    [Fact]
    public void TryRead_MutatedLines_NeverDisagreesWithTheThoroughReading()
    {
        var random = new Random(99);
        var originals = new VariedFindings(seed: 99).Take(400).Where(f => f.Message is not null).Select(OneLine).ToList();
        string[] inserts =
        [
            "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\t", "/**/", "'", "-", "0", "1", ".", "e", "E", "+", "null",
            "true", "1e5", "-0", "0.0", "99999999999999999999", "\\u0072", "\\ud800", "\u2028", "\ufeff", "\u00a0", "new Date(1)",
            "undefined", "NaN", "\"rule\":\"x\",", "\"evidence\":{},", "\"k0\":1,",
        ];
        var reader = new FindingLine();
        var taken = 0;
        var originalsTaken = 0;
        foreach (var original in originals)
        {
            // Amounts beyond 28 digits are left to the thorough reading; everything else the checker writes is taken.
            if (reader.TryRead(Encoding.UTF8.GetBytes(original)) is not null)
            {
                originalsTaken++;
            }
            for (var m = 0; m < 25; m++)
            {
                var at = random.Next(original.Length + 1);
                var mutated = random.Next(3) switch
                {
                    0 => original.Remove(Math.Min(at, original.Length - 1), 1),
                    1 => original.Insert(at, inserts[random.Next(inserts.Length)]),
                    _ => original[..at] + original[Math.Min(original.Length, at + random.Next(1, 12))..],
                };
                var bytes = Encoding.UTF8.GetBytes(mutated);
                if (random.Next(20) == 0)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
                }
                var quick = reader.TryRead(bytes);
                if (quick is null)
                {
                    continue;
                }
                taken++;
                var text = Encoding.UTF8.GetString(bytes);
                var thorough = Thrown(() => FindingsReader.Parse(text, "f", 1));
                thorough.Should().BeNull(text);
                SameFinding.Should(quick, FindingsReader.Parse(text, "f", 1), text);
            }
        }
        originalsTaken.Should().BeGreaterThan(originals.Count * 3 / 4);
        taken.Should().BePositive();
    }

    private static string OneLine(Finding finding) => Encoding.UTF8.GetString(NewtonsoftFindings.Write([finding])).TrimEnd('\n');

    private static Exception? Thrown(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(_directory, FindingsWriter.FileName);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
