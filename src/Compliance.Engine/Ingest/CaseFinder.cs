namespace Compliance.Engine.Ingest;

/// <summary>
/// One parser's way to its rows' cases (a parser runs on one thread): it asks <see cref="CaseLookup"/> to look near
/// the case it found last while its rows keep naming cases there, and stops asking, but for a try now and then,
/// once they do not (a file in another order), where the look near would only add cache misses to every row.
/// </summary>
internal sealed class CaseFinder
{
    /// <summary>How many cases after the one found last are looked at first, besides that one.</summary>
    public const int Nearby = 4;

    // How far the sense of where rows go may swing either way: as many misses in a row from the start, or twice as
    // many after a run of hits, end looking near.
    private const int SenseLimit = 8;

    // While rows do not go in the cases' order, one look in this many is still made near, to notice when they do.
    private const int RetryEvery = 32;

    private readonly CaseLookup _lookup;
    private int _lastFound = -1;
    private int _sense;
    private int _sinceTry;

    public CaseFinder(CaseLookup lookup) => _lookup = lookup;

    /// <summary>Whether the rows have lately named cases near the one found before, so that the next is looked for there first.</summary>
    public bool LooksNear => _lastFound >= 0 && _sense > -SenseLimit;

    /// <summary>The accepted case's own id string and its position; null and -1 for a case not accepted.</summary>
    public string? Find(ReadOnlySpan<char> caseId, out int index)
    {
        var near = _lastFound >= 0 && (_sense > -SenseLimit || ++_sinceTry % RetryEvery == 0) ? _lastFound : -1;
        var id = _lookup(caseId, near, out index);
        if (near >= 0)
        {
            var wasNear = index >= near && index <= near + Nearby;
            _sense = wasNear ? Math.Min(_sense + 1, SenseLimit) : Math.Max(_sense - 1, -SenseLimit);
        }
        if (index >= 0)
        {
            _lastFound = index;
        }
        return id;
    }
}
