namespace Compliance.Engine.Ingest;

/// <summary>The first problem of a row: the schema field it is about, a <see cref="RejectReason"/> code and a Chinese message.</summary>
internal readonly record struct RowProblem(int Field, string Reason, string Message);
