using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// What a rule sees of one charge (input <c>charge</c> of the <c>charges</c> workflow): the row, its case
/// and item when known, and the catalogue entry and the period in force on the charge date, looked up by hash.
/// </summary>
public sealed class ChargeFacts
{
    internal ChargeFacts(ChargeRecord record, CaseRecord? @case, Item? item, Fee? fee)
    {
        Reset(record, @case, item, fee);
    }

    public ChargeRecord Record { get; private set; }

    public string ChargeId => Record.ChargeId;
    public string? CaseId => Record.CaseId;
    public string FeeCode => Record.FeeCode;
    public decimal Amount => Record.Amount;
    public DateOnly ChargedOn => Record.ChargedOn;

    /// <summary>The charge's case, when its case id is in cases.csv.</summary>
    public CaseRecord? Case { get; private set; }

    public bool CaseKnown => Case is not null;

    /// <summary>The case's item code, when the case is known.</summary>
    public string? ItemCode => Case?.ItemCode;

    /// <summary>The case's item from items.json, when both are known.</summary>
    public Item? Item { get; private set; }

    /// <summary>The catalogue entry, or null for a fee code outside the catalogue.</summary>
    public Fee? Fee { get; private set; }

    /// <summary>The period of the fee covering the charge date, or null.</summary>
    public FeePeriod? Period { get; private set; }

    /// <summary>The charge's payer type, else its case's applicant type.</summary>
    public string? PayerType { get; private set; }

    /// <summary>The charge's unit, else its case's unit.</summary>
    public string? Collector { get; private set; }

    /// <summary>A period covers the date and the fee may be charged to this payer (checks.md steps 1–4 passed).</summary>
    public bool Chargeable => Period is not null && !Period.IsStopped && !Period.ExemptsPayer(PayerType);

    /// <summary>
    /// Makes these the facts of another charge. Judging reuses one instance per slice of millions of charges, since
    /// a rule only reads the facts while it runs and evidence copies the values it keeps.
    /// </summary>
    [MemberNotNull(nameof(Record))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Reset(ChargeRecord record, CaseRecord? @case, Item? item, Fee? fee)
    {
        Record = record;
        Case = @case;
        Item = item;
        Fee = fee;
        Period = fee?.PeriodOn(record.ChargedOn);
        PayerType = Blank(record.PayerType) ?? Blank(@case?.ApplicantType);
        Collector = Blank(record.UnitCode) ?? Blank(@case?.UnitCode);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
