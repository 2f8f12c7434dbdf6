using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compliance.Engine.Storage;

/// <summary>
/// <see cref="RunRow.SummaryJson"/> kept as the text the run wrote and stored packed (<see cref="SummaryCodec"/>,
/// a BLOB): whoever reads a run through the model gets the summary back byte for byte, never the packed form.
/// </summary>
internal sealed class SummaryConverter() : ValueConverter<string, byte[]>(
    v => SummaryCodec.Pack(v),
    v => SummaryCodec.Unpack(v));
