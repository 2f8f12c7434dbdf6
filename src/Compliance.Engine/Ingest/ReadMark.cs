namespace Compliance.Engine.Ingest;

/// <summary>
/// The state of a run's reading before one file: list lengths, the file's unknown columns and the feed's counts,
/// to take back what reading the file in an encoding it turned out not to be in added.
/// </summary>
internal sealed record ReadMark(int Rejects, int Accepted, int Files, List<string>? UnknownColumns, FeedStats Stats);
