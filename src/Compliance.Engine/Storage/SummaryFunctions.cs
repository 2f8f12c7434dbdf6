using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Engine.Storage;

/// <summary>
/// <see cref="SummaryCodec"/> as SQL functions on every connection of the ledger's model, for the migration that
/// packs summaries (<c>CompressedSummaries</c>) and its Down: SQLite cannot compress, and in SQL each row is
/// converted inside the migration's own transaction, so a failure leaves every summary as it was.
/// </summary>
internal sealed class SummaryFunctions : DbConnectionInterceptor
{
    public const string Pack = "compliance_pack_summary";
    public const string Unpack = "compliance_unpack_summary";

    public static readonly SummaryFunctions Instance = new();

    private SummaryFunctions()
    {
    }

    // Registered before the connection opens: Microsoft.Data.Sqlite adds them to the native connection on Open.
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        var connection = (SqliteConnection)result;
        connection.CreateFunction<string, byte[]>(Pack, SummaryCodec.Pack, isDeterministic: true);
        connection.CreateFunction<byte[], string>(Unpack, SummaryCodec.Unpack, isDeterministic: true);
        return result;
    }
}
