using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// The charges that can be duplicates: judged, with a case id, sharing case and fee code with another. Found by
/// sorting 12-byte (hash, index) pairs rather than a dictionary of 2M string pairs, so the NRules duplicate rule
/// sees only the few keys that repeat.
/// </summary>
internal static class DuplicateCandidates
{
    public static List<int> Find(IReadOnlyList<ChargeRecord> charges, DateOnly asOf)
    {
        var keys = new long[charges.Count];
        var index = new int[charges.Count];
        var n = 0;
        for (var i = 0; i < charges.Count; i++)
        {
            var c = charges[i];
            if (c.CaseId is null || c.ChargedOn > asOf)
            {
                continue;
            }
            keys[n] = ((long)StringComparer.Ordinal.GetHashCode(c.CaseId) << 32) ^ (uint)StringComparer.Ordinal.GetHashCode(c.FeeCode);
            index[n] = i;
            n++;
        }
        Array.Sort(keys, index, 0, n);

        var result = new List<int>();
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                // Equal hashes: group by the exact key, since two different keys may share a hash.
                foreach (var group in Enumerable.Range(start, end - start)
                    .Select(k => index[k])
                    .GroupBy(i => (charges[i].CaseId, charges[i].FeeCode))
                    .Where(g => g.Count() > 1))
                {
                    result.AddRange(group);
                }
            }
            start = end;
        }
        result.Sort();
        return result;
    }
}
