using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>The ledger's services and validated options, shared by <c>serve</c> and the office's commands.</summary>
internal static class LedgerServices
{
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration, TimeProvider clock)
    {
        services.TryAddSingleton(clock);
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.Section))
            .Validate(o => o.Home.Trim().Length > 0, "Ledger:Home must name a folder.")
            .Validate(o => o.Rules.Trim().Length > 0, "Ledger:Rules must name the rules folder.")
            .ValidateOnStart();
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section))
            .Validate(o => o.All().All(j => CronExpression.TryParse(j.Cron, out _)),
                "Schedule: every entry (Inbox, Daily, Delivery, Escalation, Digest) must be a valid Quartz cron expression (seconds first).")
            .Validate(o => KnownTimeZone(o.TimeZone), "Schedule:TimeZone must be a time zone id this machine knows, e.g. Asia/Shanghai.")
            .ValidateOnStart();
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section))
            .Validate(o => o.AcknowledgeDays >= 1 && o.RectifyDays >= 1, "Escalation: AcknowledgeDays and RectifyDays must be at least 1.")
            .Validate(o => o.WarnDays >= 0 && o.RedAfterDays >= 0, "Escalation: WarnDays and RedAfterDays must not be negative.")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.FirstRetrySeconds >= 1, "Delivery: MaxAttempts and FirstRetrySeconds must be at least 1.")
            .Validate(o => !o.Email.Enabled || (o.Email.Host.Length > 0 && o.Email.From.Contains('@', StringComparison.Ordinal) && o.Email.Port is > 0 and < 65536),
                "Delivery:Email is enabled: Host, Port and a From address are required.")
            .Validate(o => !o.Webhook.Enabled || o.Webhook.Secret.Length >= 16,
                "Delivery:Webhook is enabled: Secret (at least 16 characters) is required to sign requests.")
            .Validate(o => o.Webhook.Retries >= 0 && o.Webhook.TimeoutSeconds >= 1, "Delivery:Webhook: Retries must not be negative, TimeoutSeconds at least 1.")
            .Validate(o => o.FileDrop.Formats.All(f => f.Equals("csv", StringComparison.OrdinalIgnoreCase) || f.Equals("xlsx", StringComparison.OrdinalIgnoreCase)),
                "Delivery:FileDrop:Formats may hold only csv and xlsx.")
            .ValidateOnStart();

        services.AddSingleton(sp => HomeFolders.From(sp.GetRequiredService<IOptions<LedgerOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LedgerOptions>>().Value;
            var home = sp.GetRequiredService<HomeFolders>();
            home.Create();
            return options.ConnectionString.Length > 0 ? LedgerStore.Open(options.ConnectionString) : LedgerStore.OpenFile(home.LedgerDatabase);
        });
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<LedgerAccess>();
        services.AddSingleton<LedgerRunner>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddSingleton<IDeliveryChannel, FileDropChannel>();
        services.AddHttpClient(WebhookChannel.ClientName)
            .AddResilienceHandler("webhook-retry", (builder, context) =>
            {
                var webhook = context.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>().Value.Webhook;
                builder.AddTimeout(TimeSpan.FromSeconds(webhook.TimeoutSeconds * (webhook.Retries + 1)));
                if (webhook.Retries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = webhook.Retries,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = TimeSpan.FromMilliseconds(webhook.RetryDelayMilliseconds),
                        UseJitter = true,
                    });
                }
                builder.AddTimeout(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
            });
        return services;
    }

    private static bool KnownTimeZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
