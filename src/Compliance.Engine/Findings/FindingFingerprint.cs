using System.Security.Cryptography;
using System.Text;

namespace Compliance.Engine.Findings;

/// <summary>
/// Stable identity of a breach: rule and subject only. A subject has at most one finding per rule, and neither
/// the as-of date, the figures (which grow daily on an open clock) nor the rule-set version are part of it,
/// so re-running tomorrow, or after a catalogue edit, raises nothing new.
/// </summary>
public static class FindingFingerprint
{
    public static string Of(string rule, string subject)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(rule + "\n" + subject));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 10));
    }
}
