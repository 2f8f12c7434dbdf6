using System.Text;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>A fresh data folder for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compliance-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempFolder With(string name, string text) => With(name, Encoding.UTF8.GetBytes(text));

    public TempFolder With(string name, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, name), bytes);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
