using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Engine.Alerts;

/// <summary>
/// What one outbox row tells a unit: the alert as it stood when the notice was raised, with the finding's figures
/// and basis. Frozen as JSON in the row, so that a message sent again is the same message.
/// </summary>
public sealed record AlertNotice
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required long AlertId { get; init; }
    public required string Key { get; init; }

    /// <summary><c>new</c>, <c>changed</c>, <c>reopened</c>, <c>follow-up</c>, or <c>run-failed</c> for the office's notice of a failed run.</summary>
    public required string Kind { get; init; }

    public required int Revision { get; init; }
    public required string Rule { get; init; }
    public required string Severity { get; init; }
    public required string Subject { get; init; }
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required string Message { get; init; }
    public required string Basis { get; init; }

    /// <summary>The finding's evidence as compact JSON.</summary>
    public required string Evidence { get; init; }

    public required string OccurredOn { get; init; }
    public required string AsOf { get; init; }
    public required string State { get; init; }

    /// <summary>For a follow-up: 预警, 黄牌 or 红牌 of the 督办 ladder (as <c>warning</c>/<c>yellow</c>/<c>red</c>).</summary>
    public string? FollowUpSeverity { get; init; }

    /// <summary>For a follow-up: what is overdue, <c>acknowledgement</c> or <c>rectification</c>.</summary>
    public string? FollowUpOf { get; init; }

    /// <summary>For a follow-up: working days since the clock started, and the limit.</summary>
    public int? FollowUpUsed { get; init; }

    public int? FollowUpLimit { get; init; }

    /// <summary>For a notice re-addressed to the office: the delivery that finally failed.</summary>
    public DeliveryFailure? Undelivered { get; init; }

    /// <summary>For the office's notice that a run failed (kind <c>run-failed</c>, no alert: <see cref="AlertId"/> is 0).</summary>
    public RunFailureNotice? RunFailed { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertNotice FromJson(string json) =>
        JsonSerializer.Deserialize<AlertNotice>(json, Json) ?? throw new InvalidDataException($"Not an alert notice: {json}");
}
