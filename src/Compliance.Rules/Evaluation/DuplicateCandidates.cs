using System.Runtime.CompilerServices;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// The charges that can be duplicates: judged, with a case id, sharing case and fee code with another. Found with
/// an open-addressing table of key hashes over record indexes rather than a dictionary of 2M string pairs (or a sort
/// of them), then grouped by the exact key, so the NRules duplicate rule sees only the few keys that repeat.
/// </summary>
internal static class DuplicateCandidates
{
    /// <summary>Charges whose case ids are read ahead together.</summary>
    private const int PrefetchBlock = 64;

    // Keeps the reads of TouchCaseIds from being optimised away.
    private static int s_touched;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<int> Find(IReadOnlyList<ChargeRecord> charges, DateOnly asOf)
    {
        // One pass over the charges: each that takes part gives a 32-bit hash of its case and fee code, kept with its
        // index in one word. Sized by all the charges rather than by a first pass counting those that take part: a
        // word per charge holds about what a key and an index apart held per charge taking part (seven in ten).
        var entries = WrittenArray.Of<long>(charges.Count);
        var n = 0;
        // A case's charges tend to follow each other and share its id string: its hash is taken once for them.
        string? lastCase = null;
        var caseHash = 0;
        var touched = 0;
        for (var i = 0; i < charges.Count; i++)
        {
            if (i % PrefetchBlock == 0)
            {
                touched += TouchCaseIds(charges, i, Math.Min(charges.Count, i + PrefetchBlock));
            }
            var c = charges[i];
            if (c.CaseId is null || c.ChargedOn > asOf)
            {
                continue;
            }
            if (!ReferenceEquals(c.CaseId, lastCase))
            {
                lastCase = c.CaseId;
                caseHash = TextHash.Of(lastCase);
            }
            entries[n++] = ((long)KeyHash(caseHash, TextHash.Of(c.FeeCode)) << 32) | (uint)i;
        }

        // A slot holds 1 + the position (in entries) of the first charge with that key hash; at most three quarters full.
        var slots = WrittenArray.Of<int>(Math.Max(16, (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(n + n / 3)))));
        var mask = slots.Length - 1;
        var repeated = new bool[n];
        var any = false;
        for (var j = 0; j < n; j++)
        {
            var hash = (int)(entries[j] >> 32);
            var slot = hash & mask;
            int entry;
            while ((entry = slots[slot]) != 0 && (int)(entries[entry - 1] >> 32) != hash)
            {
                slot = (slot + 1) & mask;
            }
            if (entry == 0)
            {
                slots[slot] = j + 1;
            }
            else
            {
                repeated[entry - 1] = true;
                repeated[j] = true;
                any = true;
            }
        }
        s_touched = touched;
        var result = new List<int>();
        if (!any)
        {
            return result;
        }

        // Equal hashes: group by the exact key, since two different keys may share a hash.
        var groups = new Dictionary<(string CaseId, string FeeCode), List<int>>();
        for (var j = 0; j < n; j++)
        {
            if (!repeated[j])
            {
                continue;
            }
            var at = (int)(uint)entries[j];
            var c = charges[at];
            if (!groups.TryGetValue((c.CaseId!, c.FeeCode), out var list))
            {
                list = [];
                groups[(c.CaseId!, c.FeeCode)] = list;
            }
            list.Add(at);
        }
        foreach (var list in groups.Values)
        {
            if (list.Count > 1)
            {
                result.AddRange(list);
            }
        }
        result.Sort();
        return result;
    }

    /// <summary>
    /// Reads the case ids of a block of charges, all at once: in an export not sorted by case, each id is a random
    /// read of memory, and the waits of independent reads overlap, while those of one hash after another do not.
    /// Returns what it read, so that the reads are not optimised away.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TouchCaseIds(IReadOnlyList<ChargeRecord> charges, int from, int to)
    {
        var lengths = 0;
        for (var i = from; i < to; i++)
        {
            lengths += charges[i].CaseId?.Length ?? 0;
        }
        return lengths;
    }

    /// <summary>
    /// The case's and the fee code's hashes in one: the high half of a multiplicative hash of both, so that every
    /// bit, the low ones a table masks included, depends on every bit of each.
    /// </summary>
    private static int KeyHash(int caseHash, int feeHash) =>
        (int)((ulong)((((long)caseHash << 32) ^ (uint)feeHash) * -7046029254386353131L) >> 32);
}
