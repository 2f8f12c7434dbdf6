namespace Compliance.Host.Generation;

/// <summary>How the applicant field is written: one name, joint applicants separated by a comma, or one per line.</summary>
internal enum ApplicantForm
{
    Single,
    CommaJoint,
    MultiLine,
}
