namespace Compliance.Host.Delivery;

/// <summary>The per-unit file drop: one folder per unit, one CSV and/or XLSX per message.</summary>
internal sealed class FileDropOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Empty: <c>drop/</c> in the host's home.</summary>
    public string Folder { get; set; } = "";

    /// <summary><c>csv</c>, <c>xlsx</c>, or both.</summary>
    public List<string> Formats { get; set; } = [];
}
