namespace Compliance.Host.Tests;

/// <summary>A fresh folder under the system temp directory, removed with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compliance-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a UTF-8 text file (no BOM) under the folder, creating its parent folders.</summary>
    public string Write(string relativePath, string text)
    {
        var full = Sub(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Copies the shipped rule set, its tests included, into <c>rules/</c> under the folder; returns that path.</summary>
    public string CopyShippedRules()
    {
        var rules = Sub("rules");
        foreach (var file in Directory.GetFiles(Repository.Rules, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(rules, System.IO.Path.GetRelativePath(Repository.Rules, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return rules;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
