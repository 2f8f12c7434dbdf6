using MailKit.Security;

namespace Compliance.Host.Delivery;

/// <summary>The SMTP server alerts are mailed through.</summary>
internal sealed class EmailOptions
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Empty: no authentication.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";
    public string From { get; set; } = "";
    public string FromName { get; set; } = "效能监察";
    public int TimeoutSeconds { get; set; } = 60;
}
