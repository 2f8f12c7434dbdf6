namespace Compliance.Engine.Ingest;

/// <summary>
/// A feed's name and columns in the order of its feeds.md table. That order is also the order in which a
/// row's fields are checked, so the first problem reported for a row does not depend on the file's layout.
/// </summary>
internal sealed class FeedSchema
{
    public FeedSchema(string name, string label, IReadOnlyList<FeedColumn> columns)
    {
        Name = name;
        Label = label;
        Columns = columns;
    }

    /// <summary>The feed name as used in file names and rejects: cases, procedures, charges, stages.</summary>
    public string Name { get; }

    /// <summary>The feed's Chinese name, for messages.</summary>
    public string Label { get; }

    public IReadOnlyList<FeedColumn> Columns { get; }

    /// <summary>"受理时间(accepted_at)", for messages that must make sense to both kinds of header.</summary>
    public string Describe(int field) => $"{Columns[field].Chinese}({Columns[field].English})";
}
