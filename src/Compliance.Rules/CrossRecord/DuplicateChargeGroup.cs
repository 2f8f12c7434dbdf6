using Compliance.Engine.Evaluation;

namespace Compliance.Rules.CrossRecord;

/// <summary>The judged charges of one case and one fee code, ordered by date then charge id; every one after the first is a duplicate.</summary>
public sealed record DuplicateChargeGroup(string CaseId, string FeeCode, IReadOnlyList<ChargeFacts> Charges);
