using MailKit.Net.Smtp;

namespace Compliance.Host.Delivery;

/// <summary>
/// What the ledger keeps of a failed attempt, for <c>alerts show</c>. An SMTP refusal often comes with no text
/// at all, so its reply code is what tells the office whether the server was busy or refused the address.
/// </summary>
internal static class DeliveryError
{
    public static string Describe(Exception e)
    {
        var text = e.Message.Trim();
        var described = e switch
        {
            SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.StatusCode} ({smtp.ErrorCode})",
            SmtpProtocolException => "SMTP protocol error",
            _ => e.GetType().Name,
        };
        return text.Length == 0 ? described : $"{described}: {text}";
    }
}
