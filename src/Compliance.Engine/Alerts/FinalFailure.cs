namespace Compliance.Engine.Alerts;

/// <summary>
/// A message the outbox gave up on: where it was going, the alerts it carried, and the office messages raised
/// about it (none when it was itself to the office, or the office has no address on any channel switched on).
/// </summary>
public sealed record FinalFailure(
    string Key, string Recipient, string Channel, string Address, int Attempts, string Error,
    IReadOnlyList<long> AlertIds, string? Office, IReadOnlyList<string> OfficeKeys);
