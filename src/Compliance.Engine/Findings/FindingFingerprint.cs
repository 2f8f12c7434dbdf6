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
        // Hashed from the stack: tens of thousands of findings a run, and only the hex text is kept.
        var length = Encoding.UTF8.GetByteCount(rule) + 1 + Encoding.UTF8.GetByteCount(subject);
        var text = length <= 512 ? stackalloc byte[length] : new byte[length];
        var n = Encoding.UTF8.GetBytes(rule, text);
        text[n++] = (byte)'\n';
        Encoding.UTF8.GetBytes(subject, text[n..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text, hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
