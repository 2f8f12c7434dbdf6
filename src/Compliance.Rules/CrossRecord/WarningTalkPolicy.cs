namespace Compliance.Rules.CrossRecord;

/// <summary>settings.json warningTalk, with the window resolved against the as-of date (T included).</summary>
public sealed record WarningTalkPolicy(int RedFindings, DateOnly WindowFrom, DateOnly AsOf);
