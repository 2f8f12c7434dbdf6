using Microsoft.Extensions.Configuration;

namespace Compliance.Host.Serve;

/// <summary>
/// Where the host's settings come from, later wins: the appsettings.json shipped beside the program, a file named
/// with <c>--config</c>, environment variables prefixed <c>COMPLIANCE_</c> (<c>COMPLIANCE_Delivery__Email__Host</c>),
/// then the command line's <c>--home</c> and <c>--rules</c>.
/// </summary>
internal static class LedgerConfiguration
{
    public static IConfigurationRoot Build(string? configFile, string? home, string? rules)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (!string.IsNullOrEmpty(configFile))
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        builder.AddEnvironmentVariables("COMPLIANCE_");
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(home))
        {
            overrides[$"{LedgerOptions.Section}:{nameof(LedgerOptions.Home)}"] = home;
        }
        if (!string.IsNullOrEmpty(rules))
        {
            overrides[$"{LedgerOptions.Section}:{nameof(LedgerOptions.Rules)}"] = rules;
        }
        return builder.AddInMemoryCollection(overrides).Build();
    }
}
