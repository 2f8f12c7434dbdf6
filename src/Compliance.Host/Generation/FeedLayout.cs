namespace Compliance.Host.Generation;

/// <summary>
/// The headers the generator writes, in the column order of feeds.md. The charges headers carry the
/// <c>(必填)</c> marks templates put on required columns; the reader ignores them.
/// </summary>
internal static class FeedLayout
{
    public const string Cases = "cases";
    public const string Procedures = "procedures";
    public const string Charges = "charges";
    public const string Stages = "stages";

    /// <summary>The files the generator writes into its output folder, one per feed.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [FileName(Cases), FileName(Procedures), FileName(Charges), FileName(Stages)];

    public static string FileName(string feed) => feed + ".csv";

    public static IReadOnlyList<string> CasesChinese { get; } =
        ["办件编号", "事项编码", "事项名称", "受理单位编码", "受理单位", "申请人", "申请人类型", "受理时间", "办结时间", "法定时限", "承诺时限", "办件状态"];

    public static IReadOnlyList<string> CasesEnglish { get; } =
        ["case_id", "item_code", "item_name", "unit_code", "unit_name", "applicant", "applicant_type", "accepted_at", "decided_at", "statutory_limit", "promised_limit", "status"];

    public static IReadOnlyList<string> ProceduresChinese { get; } = ["办件编号", "特别程序种类", "开始时间", "结束时间", "延长天数"];

    public static IReadOnlyList<string> ChargesChinese { get; } =
        ["缴款单号(必填)", "办件编号", "收费项目编码(必填)", "收费项目名称", "收费金额(必填)", "收费时间(必填)", "收费单位编码", "缴款人类型"];

    public static IReadOnlyList<string> StagesEnglish { get; } =
        ["project_code", "project_name", "stage", "stage_type", "unit_code", "started_at", "completed_at", "limit", "limit_unit"];

    /// <summary>Column positions of cases.csv.</summary>
    public static class Case
    {
        public const int Id = 0;
        public const int Item = 1;
        public const int Applicant = 5;
        public const int Accepted = 7;
        public const int Decided = 8;
        public const int Statutory = 9;
        public const int Status = 11;
    }

    /// <summary>Column positions of procedures.csv.</summary>
    public static class Procedure
    {
        public const int CaseId = 0;
        public const int Kind = 1;
        public const int Start = 2;
        public const int End = 3;
        public const int Days = 4;
    }

    /// <summary>Column positions of charges.csv.</summary>
    public static class Charge
    {
        public const int Id = 0;
        public const int Fee = 2;
        public const int Amount = 4;
        public const int ChargedAt = 5;
    }

    /// <summary>Column positions of stages.csv.</summary>
    public static class Stage
    {
        public const int Project = 0;
        public const int Name = 2;
        public const int Unit = 4;
        public const int Started = 5;
        public const int Completed = 6;
        public const int Limit = 7;
        public const int LimitUnit = 8;
    }
}
