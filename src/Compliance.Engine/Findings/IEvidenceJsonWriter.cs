namespace Compliance.Engine.Findings;

/// <summary>
/// What writing evidence needs from a JSON writer, so that one place (<see cref="EvidenceJson"/>) decides which
/// values evidence may hold and how each looks, whichever writer carries it.
/// </summary>
internal interface IEvidenceJsonWriter
{
    void WriteStartObject();

    void WriteEndObject();

    void WriteStartArray();

    void WriteEndArray();

    void WritePropertyName(string name);

    void WriteNull();

    void WriteValue(string? value);

    void WriteValue(int value);

    void WriteValue(long value);

    void WriteValue(bool value);

    void WriteMoney(decimal value);

    void WriteDate(DateOnly value);
}
