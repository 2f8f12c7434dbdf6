using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

/// <summary>
/// Findings with every kind of evidence value and awkward text (Chinese, quotes, backslashes, control characters,
/// the line separators JSON writers escape, surrogate pairs), drawn from a fixed seed so a failure repeats.
/// </summary>
internal sealed class VariedFindings(int seed)
{
    private static readonly string[] Pieces =
    [
        "办件", "超过法定时限", "《中华人民共和国行政许可法》第四十二条", "a", "XK-2024-0000001", " ", "\"", "\\", "\\\"", "/",
        "\n", "\r\n", "\t", "\b", "\f", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
        "\ufeff", "\ufffd", "😀", "𠀀", "<script>", "&amp;", "'", "é", "Ω", "\u0600", "",
    ];

    private readonly Random _random = new(seed);

    public List<Finding> Take(int count) => [.. Enumerable.Range(0, count).Select(Next)];

    public string Text(int maxPieces = 6)
    {
        var text = new StringBuilder();
        var pieces = _random.Next(maxPieces + 1);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(_random.Next(4) == 0 ? _random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : Pieces[_random.Next(Pieces.Length)]);
        }
        return text.ToString();
    }

    public Evidence Evidence(int depth)
    {
        var evidence = new Evidence();
        var keys = _random.Next(depth == 0 ? 14 : 4);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys; i++)
        {
            var key = _random.Next(3) == 0 ? Text(2) : $"k{i}";
            if (used.Add(key))
            {
                evidence.Add(key, Value(depth));
            }
        }
        return evidence;
    }

    private Finding Next(int index)
    {
        var rule = _random.Next(3) == 0 ? "fee.over-standard" : "case.overdue-statutory";
        var subject = $"case:XK-{index}{Text(1)}";
        return new Finding
        {
            Rule = rule,
            Severity = (Severity)_random.Next(1, 4),
            Subject = subject,
            Unit = _random.Next(5) == 0 ? "" : $"U0{_random.Next(10)}",
            AsOf = new DateOnly(2025, 11, 3),
            OccurredOn = Date(),
            Message = _random.Next(500) == 0 ? null! : Text(),
            Basis = Text(3),
            Evidence = Evidence(0),
            RuleSet = "2026-01+3f2a9c1e",
            Fingerprint = FindingFingerprint.Of(rule, subject),
        };
    }

    private object? Value(int depth) => _random.Next(depth < 2 ? 13 : 10) switch
    {
        0 => null,
        1 => Text(),
        2 => _random.Next(-1000, 1000),
        3 => _random.Next(10) == 0 ? (_random.Next(2) == 0 ? int.MinValue : int.MaxValue) : _random.Next(),
        4 => _random.Next(4) == 0 ? (_random.Next(2) == 0 ? long.MinValue : long.MaxValue) : _random.NextInt64(-5_000_000_000, 5_000_000_000),
        5 => _random.Next(2) == 0,
        6 => Amount(),
        7 => Date(),
        8 => new List<string> { Text(2), Text(2) },
        9 => Enumerable.Range(0, _random.Next(4)).Select(_ => Date()).ToArray(),
        10 => Evidence(depth + 1),
        11 => new List<object?> { null, Amount(), _random.Next(), new List<object?>(), Evidence(depth + 1) },
        _ => new List<int>(),
    };

    private decimal Amount() => _random.Next(6) switch
    {
        0 => 0m,
        1 => -0.004m,
        2 => decimal.MaxValue,
        3 => new decimal(_random.Next(), _random.Next(), 0, _random.Next(2) == 0, (byte)_random.Next(29)),
        _ => Math.Round((decimal)_random.NextDouble() * 100_000m, _random.Next(5)) * (_random.Next(2) == 0 ? 1 : -1),
    };

    private DateOnly Date() => _random.Next(20) == 0
        ? (_random.Next(2) == 0 ? DateOnly.MinValue : DateOnly.MaxValue)
        : new DateOnly(2020, 1, 1).AddDays(_random.Next(3000));
}
