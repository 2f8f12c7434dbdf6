using Compliance.Engine.Catalog;

namespace Compliance.Engine.Alerts;

/// <summary>
/// Who hears about an alert, from units.json. A notice goes to the responsible unit (to the office when the unit is
/// unknown); a 督办 follow-up goes to the unit, its parent and the office. The office is the configured unit, else
/// the root of the unit's parent chain.
/// </summary>
public sealed class AlertRouting
{
    private readonly IReadOnlyDictionary<string, Unit> _units;
    private readonly string? _office;

    public AlertRouting(IReadOnlyDictionary<string, Unit> units, string? officeCode = null)
    {
        _units = units;
        _office = string.IsNullOrEmpty(officeCode) ? null : officeCode;
    }

    public Unit? Find(string code) => _units.GetValueOrDefault(code);

    public Unit? OfficeFor(string unitCode)
    {
        if (_office is not null)
        {
            return Find(_office);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unit = Find(unitCode) ?? _units.Values.Where(u => string.IsNullOrEmpty(u.Parent)).OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
        while (unit is { Parent: { Length: > 0 } parent } && seen.Add(unit.Code) && Find(parent) is { } up)
        {
            unit = up;
        }
        return unit;
    }

    public IReadOnlyList<Unit> NoticeRecipients(string unitCode) =>
        Find(unitCode) is { } unit ? [unit] : OfficeFor(unitCode) is { } office ? [office] : [];

    public IReadOnlyList<Unit> FollowUpRecipients(string unitCode)
    {
        var list = new List<Unit>();
        if (Find(unitCode) is { } unit)
        {
            list.Add(unit);
            if (unit.Parent is { Length: > 0 } parent && Find(parent) is { } up)
            {
                list.Add(up);
            }
        }
        if (OfficeFor(unitCode) is { } office)
        {
            list.Add(office);
        }
        return list.DistinctBy(u => u.Code).ToList();
    }
}
