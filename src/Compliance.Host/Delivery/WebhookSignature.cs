using System.Security.Cryptography;
using System.Text;

namespace Compliance.Host.Delivery;

/// <summary>
/// The webhook's headers: <c>X-Compliance-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes
/// under the shared secret, and <c>Idempotency-Key</c>, the same on every attempt of one message.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Compliance-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>For receivers: true when <paramref name="header"/> is the signature of <paramref name="body"/>.</summary>
    public static bool Verify(string secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
