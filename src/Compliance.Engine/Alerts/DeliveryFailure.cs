namespace Compliance.Engine.Alerts;

/// <summary>
/// Carried by a notice re-addressed to the office after the outbox gave up on it: who could not be reached, on
/// which channel and address, after how many attempts, the last error, and the key of the message that failed.
/// </summary>
public sealed record DeliveryFailure
{
    public required string Recipient { get; init; }
    public required string RecipientName { get; init; }
    public required string Channel { get; init; }
    public required string Address { get; init; }
    public required int Attempts { get; init; }
    public required string Error { get; init; }
    public required string MessageKey { get; init; }
}
