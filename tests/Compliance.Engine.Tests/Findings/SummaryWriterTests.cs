using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Findings;

public class SummaryWriterTests
{
    private static readonly DateOnly AsOf = new(2025, 11, 3);

    [Fact]
    public void Write_SmallRun_WritesEveryKeyInContractOrder()
    {
        var data = new FeedData();
        data.Files.Add(new InputFile("charges", "charges.csv", "bb", "gb18030"));
        data.Files.Add(new InputFile("cases", "cases.csv", "aa", "utf-8"));
        var cases = data.StatsFor("cases");
        cases.Read = 5;
        cases.Accepted = 3;
        cases.Rejected = 1;
        cases.Duplicate = 1;
        data.Rejects.Add(Some.Reject());
        data.UnknownColumns["cases.csv"] = ["备注", "x"];
        var result = Some.Result(
            Some.Finding(subject: "case:A", unit: "U02"),
            Some.Finding(subject: "case:B", rule: "case.due-soon", severity: Severity.Warning, unit: ""),
            Some.Finding(subject: "case:C", unit: "U01"));
        result.CalendarMissing[2027] = ["case:Z", "case:Y"];
        result.UnknownUnits.Add("U99");
        result.OrphanCharges.AddRange(["C2", "C1"]);
        result.FutureDated["cases"] = 1;
        result.Judged["cases"] = 3;

        var text = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), data, result, durationMs: 42));

        text.Should().Be("""
            {
              "asOf": "2025-11-03",
              "ruleSet": {
                "version": "2026-01",
                "hash": "3f2a9c1e",
                "label": "2026-01+3f2a9c1e"
              },
              "inputs": [
                {
                  "feed": "cases",
                  "file": "cases.csv",
                  "sha256": "aa",
                  "encoding": "utf-8"
                },
                {
                  "feed": "charges",
                  "file": "charges.csv",
                  "sha256": "bb",
                  "encoding": "gb18030"
                }
              ],
              "feeds": {
                "cases": {
                  "read": 5,
                  "accepted": 3,
                  "rejected": 1,
                  "duplicate": 1,
                  "filesRejected": 0,
                  "futureDated": 1,
                  "judged": 3
                },
                "procedures": {
                  "read": 0,
                  "accepted": 0,
                  "rejected": 0,
                  "duplicate": 0,
                  "filesRejected": 0,
                  "futureDated": 0,
                  "judged": 0
                },
                "charges": {
                  "read": 0,
                  "accepted": 0,
                  "rejected": 0,
                  "duplicate": 0,
                  "filesRejected": 0,
                  "futureDated": 0,
                  "judged": 0
                },
                "stages": {
                  "read": 0,
                  "accepted": 0,
                  "rejected": 0,
                  "duplicate": 0,
                  "filesRejected": 0,
                  "futureDated": 0,
                  "judged": 0
                }
              },
              "findings": {
                "total": 3,
                "bySeverity": {
                  "red": 2,
                  "warning": 1,
                  "yellow": 0
                },
                "byCode": {
                  "case.due-soon": 1,
                  "case.overdue-statutory": 2
                },
                "byUnit": {
                  "(none)": 1,
                  "U01": 1,
                  "U02": 1
                }
              },
              "rejects": 1,
              "calendarMissing": {
                "2027": [
                  "case:Y",
                  "case:Z"
                ]
              },
              "unknownUnits": [
                "U99"
              ],
              "unknownColumns": {
                "cases.csv": [
                  "备注",
                  "x"
                ]
              },
              "orphanCharges": {
                "count": 2,
                "charges": [
                  "C1",
                  "C2"
                ]
              },
              "durationMs": 42
            }

            """);
    }

    [Fact]
    public void Write_FileRejectedWhole_CountedUnderItsFeed()
    {
        // A file refused whole has no rows in read or rejected: without its own count its feed looks like an empty export.
        var data = new FeedData();
        data.Files.Add(new InputFile("charges", "charges.csv", "bb", "utf-8"));
        data.StatsFor("charges").FilesRejected = 1;
        data.Rejects.Add(new Reject("charges", "charges.csv", 0, "", "", RejectReason.MissingColumn, "缺少必填列") { WholeFile = true });

        var text = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), data, Some.Result(), durationMs: 0));

        text.Should().Contain("""
                "charges": {
                  "read": 0,
                  "accepted": 0,
                  "rejected": 0,
                  "duplicate": 0,
                  "filesRejected": 1,
            """);
        text.Should().Contain("\"rejects\": 1,");
    }

    [Fact]
    public void Write_EmptyRun_WritesEmptyCollections()
    {
        var text = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), new FeedData(), Some.Result(), 0));

        text.Should().Contain("\"inputs\": [],")
            .And.Contain("\"calendarMissing\": {},")
            .And.Contain("\"unknownUnits\": [],")
            .And.Contain("\"unknownColumns\": {},")
            .And.Contain("\"charges\": []")
            .And.Contain("\"total\": 0,");
    }

    [Fact]
    public void Write_SameRunTwice_DiffersOnlyInDuration()
    {
        var result = Some.Result(Some.Finding());

        var first = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), new FeedData(), result, 1));
        var second = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), new FeedData(), result, 250));

        first.Should().NotBe(second);
        first.Replace("\"durationMs\": 1\n", "", StringComparison.Ordinal)
            .Should().Be(second.Replace("\"durationMs\": 250\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OrphansGivenAsKeys_SameBytesAsFromTheIds()
    {
        // Ids written from the packed key, ids that need escaping, and ids the key cannot hold (long, not ASCII).
        string[] ids = ["", "JK202400000001", "JK\"1", "JK\\2", "JK\t3", "JK\u007F4", "ABCDEFGHIJKLMNOP", "JK-补", "\u2028"];
        var ordered = ids.Order(StringComparer.Ordinal).ToArray();
        var fromIds = Some.Result();
        fromIds.OrphanCharges.AddRange(ordered);
        fromIds.OrphanChargesOrdered();
        var fromKeys = Some.Result();
        fromKeys.OrphanCharges.AddRange(ordered);
        fromKeys.OrphanChargesOrdered([.. ordered.Select(id => new OrdinalKey(id))]);

        var expected = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), new FeedData(), fromIds, 0));
        var actual = OutputBytes.Text(s => SummaryWriter.Write(s, AsOf, Some.RuleSet(), new FeedData(), fromKeys, 0));

        fromKeys.OrphanKeysInOrder.Should().NotBeNull();
        actual.Should().Be(expected).And.Contain("\"JK202400000001\"").And.Contain("\"JK\\\"1\"");
    }
}
