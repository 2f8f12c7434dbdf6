namespace Compliance.Host.Generation;

/// <summary>
/// One record planted to break a rule: its subject as findings name it (<c>case:…</c>, <c>charge:…</c>,
/// <c>stage:…/…</c>), the responsible unit, and every finding code the record is meant to get.
/// </summary>
public sealed record PlantedBreach(BreachKind Kind, string Subject, string Unit, IReadOnlyList<string> Codes);
