using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class SharedStringCellScanTests
{
    private const string Ml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("""<c r="A1" t="s"><v>7</v></c>""", true)]
    [InlineData("""<c r="A1" t="s"><v>8</v></c>""", false)]
    [InlineData("""<c r="A1" t="s"><v>-1</v></c>""", false)]
    [InlineData("""<c r="A1" t="s"><v>abc</v></c>""", false)]
    [InlineData("""<x:c r="A1" t="s"><x:v>8</x:v></x:c>""", false)]
    [InlineData("""<c t = 's' r="A1"><v>8</v></c>""", false)]
    [InlineData("<c\nr=\"A1\"\tt\n=\n\"s\"\n><v>\n8\n</v\n></c\n>", false)]
    [InlineData("""<c r="A1" t="s"><v> 7 </v></c>""", true)]
    [InlineData("""<c r="A1" t="s"><v></v></c>""", true)]
    [InlineData("""<c r="A1" t="s"><v/></c>""", true)]
    [InlineData("""<c r="A1" t="s"/>""", true)]
    [InlineData("""<c r="A1" t="s"><f>A1&gt;2</f><v>3</v></c>""", true)]
    [InlineData("""<c r="A1" t="s"><is><v>99</v></is><v>1</v></c>""", true)]
    [InlineData("""<c r="A1" t="s"><v>1</v><v>99</v></c>""", false)]
    [InlineData("""<c r="A1" t="s" foo="a>b"><v>7</v></c>""", true)]
    [InlineData("""<c foo='a>"b' t="s"><v>99</v></c>""", false)]
    public void AllInRange_SharedStringCell_TrueOnlyWhenItPointsIntoTheTable(string cells, bool expected)
    {
        Scan(Sheet(cells), 8).Should().Be(expected);
    }

    [Theory]
    [InlineData("""<c r="A1" t="inlineStr"><is><t>99</t></is></c>""")]
    [InlineData("""<c r="A1" t="str"><v>99</v></c>""")]
    [InlineData("""<c r="A1" t="n"><v>99</v></c>""")]
    [InlineData("""<c r="A1"><v>99</v></c>""")]
    [InlineData("""<c r="A1" t="S"><v>99</v></c>""")]
    [InlineData("""<c r="A1" x:t="s"><v>99</v></c>""")]
    [InlineData("""<cc r="A1" t="s"><v>99</v></cc>""")]
    [InlineData("""<c r="A1" t="inlineStr"><is><t>t="s"&gt;&lt;v&gt;99</t></is></c>""")]
    public void AllInRange_NoSharedStringCell_True(string cells)
    {
        Scan(Sheet(cells), 8).Should().BeTrue();
    }

    [Fact]
    public void AllInRange_NoTable_FalseForAnyIndexedSharedStringCell()
    {
        Scan(Sheet("""<c r="A1" t="s"><v>0</v></c>"""), null).Should().BeFalse();
        Scan(Sheet("""<c r="A1" t="str"><v>0</v></c><c r="B1" t="s"/>"""), null).Should().BeTrue();
    }

    [Theory]
    [InlineData("""<!-- <c r="A1" t="s"><v>99</v></c> --><c r="A1" t="s"><v>1</v></c>""")]
    [InlineData("""<c r="A1" t="s"><v><![CDATA[7]]></v></c>""")]
    [InlineData("""<c r="A1" t="s"><v>&#55;</v></c>""")]
    [InlineData("""<c r="A1" t="&#115;"><v>1</v></c>""")]
    [InlineData("""<?pi <c t="s"><v>99</v></c> ?><c r="A1" t="s"><v>1</v></c>""")]
    [InlineData("""<c r="A1" t="s"><v>1<b/></v></c>""")]
    public void AllInRange_WhatABytePassCannotReadAsXmlDoes_FalseToLeaveItToTheExactCheck(string cells)
    {
        Scan(Sheet(cells), 8).Should().BeFalse();
    }

    [Fact]
    public void AllInRange_Utf8Bom_Read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sheet("""<c r="A1" t="s"><v>7</v></c>"""))).ToArray();

        SharedStringCellScan.AllInRange(new MemoryStream(bytes), 8).Should().BeTrue();
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("gb18030")]
    public void AllInRange_SheetNotInUtf8_False(string encoding)
    {
        var xml = Sheet("""<c r="A1" t="s"><v>7</v></c>""").Replace("UTF-8", encoding);
        var bytes = (encoding == "utf-16" ? Encoding.Unicode : Encoding.UTF8).GetBytes(xml);

        SharedStringCellScan.AllInRange(new MemoryStream(bytes), 8).Should().BeFalse();
    }

    [Fact]
    public void AllInRange_CellLongerThanTheBuffer_Read()
    {
        var formula = new string('x', 5000);
        var xml = Sheet($"""<c r="A1" t="s"><f>{formula}</f><v>7</v></c><c r="B1" t="s"><f>{formula}</f><v>9</v></c>""");

        SharedStringCellScan.AllInRange(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 8, chunk: 64).Should().BeFalse();
        SharedStringCellScan.AllInRange(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 10, chunk: 64).Should().BeTrue();
    }

    [Fact]
    public void AllInRange_RandomSheetsAtEveryChunkSize_AgreesWithTheExactCheck()
    {
        var random = new Random(20251103);
        for (var n = 0; n < 1500; n++)
        {
            var dirty = n % 3 == 0;
            var count = random.Next(10) == 0 ? (int?)null : 8;
            var xml = RandomSheet(random, dirty);
            var bytes = Encoding.UTF8.GetBytes(xml);
            var exact = ExactCheckPasses(bytes, count);
            foreach (var chunk in new[] { 16, 37, 64, 1 << 16 })
            {
                var fast = SharedStringCellScan.AllInRange(new MemoryStream(bytes), count, chunk);
                if (dirty)
                {
                    // What the pass vouches for, the exact check finds sound; the rest it leaves to that check.
                    (fast && !exact).Should().BeFalse($"the pass vouched at chunk {chunk} for a sheet the exact check refuses: {xml}");
                }
                else
                {
                    fast.Should().Be(exact, $"chunk {chunk}, table {count?.ToString() ?? "none"}: {xml}");
                }
            }
        }
    }

    private static bool Scan(string xml, int? sharedStrings) =>
        SharedStringCellScan.AllInRange(new MemoryStream(Encoding.UTF8.GetBytes(xml)), sharedStrings, chunk: 16);

    private static string Sheet(string cells) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ml}" xmlns:x="{Ml}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>""";

    private static bool ExactCheckPasses(byte[] sheet, int? sharedStrings)
    {
        try
        {
            XlsxSharedStringCheck.CheckCells(new MemoryStream(sheet), sharedStrings, "xl/worksheets/sheet1.xml");
            return true;
        }
        catch (FeedFileException)
        {
            return false;
        }
        catch (System.Xml.XmlException)
        {
            // As XlsxSharedStringCheck.Check takes it: left to MiniExcel.
            return true;
        }
    }

    private static string RandomSheet(Random random, bool dirty)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ml}" xmlns:x="{Ml}"><sheetData>""");
        for (var row = 1; row <= random.Next(1, 5); row++)
        {
            xml.Append($"<row r=\"{row}\">");
            for (var column = 0; column < random.Next(1, 6); column++)
            {
                var prefix = Pick("", "", "x:");
                var quote = Pick("\"", "'");
                var space = Pick(" ", " ", "\n", "\t ");
                var attributes = new List<string>();
                if (random.Next(4) > 0)
                {
                    attributes.Add($"r={quote}{(char)('A' + column)}{row}{quote}");
                }
                var t = Pick("s", "s", "s", "str", "inlineStr", "n", "S", "s ", "");
                if (t.Length > 0)
                {
                    attributes.Add(Pick($"t={quote}{t}{quote}", $"t {Pick("=", " = ")} {quote}{t}{quote}"));
                }
                if (dirty && t.Length == 0 && random.Next(4) == 0)
                {
                    attributes.Add("t=\"&#115;\"");
                }
                if (random.Next(3) == 0)
                {
                    attributes.Add(Pick("s=\"3\"", "foo=\"a>b\"", "foo='say \"s\"'", "x:t=\"s\""));
                }
                attributes = attributes.OrderBy(_ => random.Next()).ToList();
                var start = $"<{prefix}c{string.Concat(attributes.Select(a => space + a))}";
                if (random.Next(8) == 0)
                {
                    xml.Append(start).Append(Pick("/>", " />"));
                    continue;
                }
                xml.Append(start).Append('>');
                for (var child = 0; child < random.Next(0, 4); child++)
                {
                    var v = prefix + "v";
                    var index = Pick("0", "7", "8", "99", "-1", "abc", "", " 3 ", "+2", "007", "1,000", "\n5\n");
                    xml.Append(random.Next(7) switch
                    {
                        0 => $"<{prefix}f>A1&gt;2 &amp; \"t=\"s\"\"</{prefix}f>",
                        1 => $"<{prefix}is><{prefix}t>99</{prefix}t><{prefix}v>99</{prefix}v></{prefix}is>",
                        2 => $"<{v}/>",
                        3 when dirty => Pick($"<{v}><![CDATA[{index}]]></{v}>", $"<{v}>&#55;</{v}>", $"<!-- <c t=\"s\"><v>99</v></c> -->"),
                        _ => $"<{v}{Pick("", " ")}>{index}</{v}{Pick("", " ", "\n")}>",
                    });
                }
                xml.Append($"</{prefix}c{Pick("", " ")}>");
            }
            xml.Append("</row>");
        }
        return xml.Append("</sheetData></worksheet>").ToString();
    }
}
