using Compliance.Engine.Findings;

namespace Compliance.Host;

/// <summary>
/// Where a run's three files go. They are written under <see cref="PartialSuffix"/> names first and moved into place
/// only once all three are complete, summary.json last: a run that fails while writing leaves the previous run's
/// files as they were, and never a summary.json beside findings that are not its own (which <c>--since</c> would trust).
/// </summary>
internal sealed record OutputFiles(string Directory, string Suffix = "")
{
    public const string PartialSuffix = ".partial";

    public string Findings => Path.Combine(Directory, FindingsWriter.FileName + Suffix);
    public string Rejects => Path.Combine(Directory, RejectsWriter.FileName + Suffix);
    public string Summary => Path.Combine(Directory, SummaryWriter.FileName + Suffix);

    /// <summary>The names the files are written under before <see cref="Publish"/>.</summary>
    public OutputFiles Partial => this with { Suffix = PartialSuffix };

    /// <summary>
    /// Moves the complete partial files into place. The previous summary.json goes first, so that a move failing
    /// half-way leaves no summary at all rather than one describing other findings.
    /// </summary>
    public void Publish()
    {
        var partial = Partial;
        File.Delete(Summary);
        File.Move(partial.Findings, Findings, overwrite: true);
        File.Move(partial.Rejects, Rejects, overwrite: true);
        File.Move(partial.Summary, Summary, overwrite: true);
    }

    /// <summary>Removes what a failed run left under the partial names; a file that cannot be removed is left.</summary>
    public void DiscardPartial()
    {
        var partial = Partial;
        foreach (var path in new[] { partial.Findings, partial.Rejects, partial.Summary })
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The run already fails with the error that matters; a leftover .partial file is harmless.
            }
        }
    }
}
