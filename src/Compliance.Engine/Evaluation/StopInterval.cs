namespace Compliance.Engine.Evaluation;

/// <summary>A run of stopped days, inclusive at both ends, already clipped to the clock's end.</summary>
internal readonly record struct StopInterval(DateOnly From, DateOnly To);
