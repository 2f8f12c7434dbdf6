using System.Data.Common;

namespace Compliance.Engine.Storage;

/// <summary>
/// One INSERT into a ledger table, prepared once and re-executed per row inside the caller's transaction: the bulk
/// writers' way around change tracking, which costs about a hundred microseconds a row.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _values;

    public PreparedInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        _values = columns.Select(c =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "$" + c;
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        _command.Prepare();
    }

    /// <summary>Inserts one row: values in the order of the columns given at construction, in the forms of <see cref="StoredValues"/>.</summary>
    public void Run(params object[] values)
    {
        if (values.Length != _values.Length)
        {
            throw new ArgumentException($"{values.Length} values for {_values.Length} columns: {_command.CommandText}");
        }
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i].Value = values[i];
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
