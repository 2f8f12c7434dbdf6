namespace Compliance.Engine.Catalog;

/// <summary>正常 / 取消 / 停征 / 免征: kept distinct because 免征 may depend on the payer.</summary>
public enum FeeStatus
{
    Active,
    Abolished,
    Suspended,
    Exempt,
}
