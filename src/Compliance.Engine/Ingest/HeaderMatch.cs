namespace Compliance.Engine.Ingest;

/// <summary>
/// How a file's headers map onto a feed's columns. <see cref="ColumnOfField"/> holds, per schema field, the
/// index of the file column that carries it, or -1. <see cref="Missing"/> lists absent required columns,
/// <see cref="Conflicts"/> headers naming a field another header already names, <see cref="Unknown"/> headers
/// that name no field (ignored), <see cref="Nameless"/> the columns with no header at all (ignored too; listed as
/// unknown only when a row has data in them, since trailing separators leave such columns empty).
/// </summary>
internal sealed record HeaderMatch(
    int[] ColumnOfField,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<int> Nameless);
