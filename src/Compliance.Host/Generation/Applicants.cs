namespace Compliance.Host.Generation;

/// <summary>The applicant types the generator writes (feeds.md: e.g. 企业, 小微企业, 个人; fee exemptions name them).</summary>
internal static class Applicants
{
    public const string Enterprise = "企业";
    public const string SmallFirm = "小微企业";
    public const string Person = "个人";

    public static IReadOnlyList<string> All { get; } = [Enterprise, SmallFirm, Person];

    /// <summary>The type's place in <see cref="All"/>; types the generator does not write share the last place.</summary>
    public static int IndexOf(string type) => type switch
    {
        Enterprise => 0,
        SmallFirm => 1,
        Person => 2,
        _ => 3,
    };
}
