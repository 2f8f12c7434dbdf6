using Compliance.Engine.Findings;

namespace Compliance.Engine.Alerts;

/// <summary>
/// The recorded run an incremental run was judged from (same input files and rule set, an earlier or equal
/// as-of date), with that run's findings as judged: the new run stores only what differs from them.
/// </summary>
public sealed record RunBase(long RunId, IReadOnlyList<Finding> Findings);
