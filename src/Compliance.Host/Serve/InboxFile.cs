namespace Compliance.Host.Serve;

/// <summary>What became of one file handed to the inbox.</summary>
internal sealed record InboxFile(string Name, string Outcome, string Reason)
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
}
