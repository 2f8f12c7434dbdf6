namespace Compliance.Engine.Catalog;

/// <summary>预警 / 黄牌 / 红牌, in increasing order so that comparisons (--fail-on) work.</summary>
public enum Severity
{
    Warning = 1,
    Yellow = 2,
    Red = 3,
}
