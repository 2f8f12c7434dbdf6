namespace Compliance.Host.Delivery;

/// <summary>Which units get one digest a day (at the Digest schedule) instead of one message per notice.</summary>
internal sealed class DigestOptions
{
    /// <summary>True: every unit gets a digest unless listed in <see cref="ImmediateUnits"/>.</summary>
    public bool Default { get; set; }

    public List<string> Units { get; set; } = [];
    public List<string> ImmediateUnits { get; set; } = [];
}
