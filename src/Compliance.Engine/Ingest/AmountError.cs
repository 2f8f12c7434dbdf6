namespace Compliance.Engine.Ingest;

/// <summary>Why <see cref="AmountParser"/> refused a value, so that a reject says what to fix.</summary>
internal enum AmountError
{
    None,

    /// <summary>Not written as an amount at all: letters, an exponent, broken thousands groups, a bare point.</summary>
    NotAnAmount,

    /// <summary>Written as an amount, but with fractions of a fen.</summary>
    TooManyDecimals,

    /// <summary>Written as an amount, but with more integer digits than the parser holds.</summary>
    TooManyDigits,
}
