using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class ChargeRowParserTests
{
    private static readonly string[] Headers = [.. ChargeRowParser.ChargesSchema.Columns.Select(c => c.English)];

    [Fact]
    public void Prepare_RowsNotInTheCasesOrder_ReadsAheadTheirCasesBesidesBadAndCaselessRows()
    {
        var cases = new Cases(positions: new() { ["C1"] = 1, ["C2"] = 2, ["C3"] = 3 });
        var parser = new ChargeRowParser(cases.Lookup, cases.Prefetch);
        var rows = Rows(["F1", "C1"], ["F2", "C2"], ["F3", "C3"]);
        rows[1].MarkBad("bad", "F2");
        rows.Add(Row(["F4", ""]));

        parser.Prepare([.. rows], View());

        cases.Prefetched.Should().Equal(TextHash.Of("C1"), TextHash.Of("C3"));
    }

    [Fact]
    public void Prepare_RowsFollowingTheCasesOrder_ReadsNothingAhead()
    {
        var cases = new Cases(positions: Enumerable.Range(0, 20).ToDictionary(i => $"C{i:D2}", i => i));
        var parser = new ChargeRowParser(cases.Lookup, cases.Prefetch);
        var view = View();
        var rows = Enumerable.Range(0, 20).Select(i => Row([$"F{i}", $"C{i:D2}"])).ToArray();
        Parse(parser, view, rows);
        cases.Prefetched.Clear();

        parser.Prepare(rows, view);

        cases.Prefetched.Should().BeEmpty();
    }

    private static void Parse(ChargeRowParser parser, FieldRow view, RawRow[] rows)
    {
        foreach (var row in rows)
        {
            view.Raw = row;
            parser.TryParse(view, out _, out _).Should().BeTrue();
        }
    }

    private static FieldRow View() =>
        new(ChargeRowParser.ChargesSchema, HeaderMatcher.Match(ChargeRowParser.ChargesSchema, Headers).ColumnOfField, Headers);

    private static List<RawRow> Rows(params string[][] idAndCase) => [.. idAndCase.Select(Row)];

    /// <summary>A charge row with the given charge and case ids, valid otherwise.</summary>
    private static RawRow Row(string[] idAndCase)
    {
        var row = new RawRow();
        row.Start(2);
        foreach (var value in (string[])[idAndCase[0], idAndCase[1], "F0203", "不动产登记费", "80.00", "2024-02-02", "", ""])
        {
            row.Add(value);
        }
        return row;
    }

    /// <summary>Accepted cases at fixed positions; records the hashes read ahead.</summary>
    private sealed class Cases(Dictionary<string, int> positions)
    {
        public List<int> Prefetched { get; } = [];

        public long Prefetch(ReadOnlySpan<int> hashes)
        {
            Prefetched.AddRange(hashes);
            return 0;
        }

        public string? Lookup(ReadOnlySpan<char> caseId, int near, out int index)
        {
            var id = caseId.ToString();
            index = positions.GetValueOrDefault(id, -1);
            return index < 0 ? null : id;
        }
    }
}
