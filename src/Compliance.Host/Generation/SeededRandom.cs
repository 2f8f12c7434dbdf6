namespace Compliance.Host.Generation;

/// <summary>
/// The generator's only source of chance: one <see cref="Random"/> with a fixed seed, drawn from in a fixed
/// order, so that the same options give the same bytes.
/// </summary>
internal sealed class SeededRandom
{
    private readonly Random _random;

    public SeededRandom(int seed) => _random = new Random(seed);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => max <= min ? min : _random.Next(min, max + 1);

    public bool Chance(double p) => p > 0 && _random.NextDouble() < p;

    public double Unit() => _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with the given weights (all ≥ 0, at least one &gt; 0).</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>A small number from <paramref name="min"/> to <paramref name="max"/>, low values likelier (for delays and overruns).</summary>
    public int Skewed(int min, int max)
    {
        var u = _random.NextDouble();
        return min + (int)Math.Floor(u * u * (max - min + 1));
    }
}
