using Compliance.Engine.Findings;

namespace Compliance.Host;

/// <summary>Where a run's three files go.</summary>
internal sealed record OutputFiles(string Directory)
{
    public string Findings => Path.Combine(Directory, FindingsWriter.FileName);
    public string Rejects => Path.Combine(Directory, RejectsWriter.FileName);
    public string Summary => Path.Combine(Directory, SummaryWriter.FileName);
}
