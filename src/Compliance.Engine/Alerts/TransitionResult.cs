namespace Compliance.Engine.Alerts;

/// <summary>The answer to a person's action: done (with the new state), or refused with a reason in Chinese.</summary>
public sealed record TransitionResult(bool Done, string State, string Message);
