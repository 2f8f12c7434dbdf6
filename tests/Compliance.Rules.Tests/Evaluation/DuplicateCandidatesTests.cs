using Compliance.Rules.Evaluation;
using FluentAssertions;

namespace Compliance.Rules.Tests.Evaluation;

public sealed class DuplicateCandidatesTests
{
    private static readonly DateOnly AsOf = new(2025, 11, 3);

    [Fact]
    public void Find_SameCaseAndFee_ReturnsEveryChargeOfTheGroupInRecordOrder()
    {
        var charges = new[]
        {
            Some.Charge("J1", caseId: "C1", fee: "F1"),
            Some.Charge("J2", caseId: "C1", fee: "F2"),
            Some.Charge("J3", caseId: "C2", fee: "F1"),
            Some.Charge("J4", caseId: "C1", fee: "F1"),
            Some.Charge("J5", caseId: "C1", fee: "F1"),
        };

        DuplicateCandidates.Find(charges, AsOf).Should().Equal(0, 3, 4);
    }

    [Fact]
    public void Find_NoCaseOrChargedAfterAsOf_LeavesTheChargeOut()
    {
        var charges = new[]
        {
            Some.Charge("J1", caseId: null, fee: "F1"),
            Some.Charge("J2", caseId: null, fee: "F1"),
            Some.Charge("J3", caseId: "C1", fee: "F1"),
            Some.Charge("J4", caseId: "C1", fee: "F1", on: "2025-11-04"),
        };

        DuplicateCandidates.Find(charges, AsOf).Should().BeEmpty();
    }

    [Fact]
    public void Find_ManyDistinctKeysWithSomeRepeats_FindsExactlyTheRepeats()
    {
        var charges = Enumerable.Range(0, 50_000)
            .Select(i => Some.Charge($"J{i}", caseId: $"C{i % 40_000}", fee: i % 3 == 0 ? "F1" : "F2"))
            .ToList();
        var expected = Enumerable.Range(0, charges.Count)
            .GroupBy(i => (charges[i].CaseId, charges[i].FeeCode))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .Order()
            .ToList();

        DuplicateCandidates.Find(charges, AsOf).Should().Equal(expected);
    }

    [Fact]
    public void Find_ManyKeysNoneRepeated_NoneEvenWhereTheirHashesMeet()
    {
        // 400,000 distinct keys give 32-bit key hashes that meet about twenty times: the exact keys must tell those
        // apart.
        var charges = Enumerable.Range(0, 400_000).Select(i => Some.Charge($"J{i}", caseId: $"C{i}", fee: "F1")).ToList();

        DuplicateCandidates.Find(charges, AsOf).Should().BeEmpty();
    }
}
