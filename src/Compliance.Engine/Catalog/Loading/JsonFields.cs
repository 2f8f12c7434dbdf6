using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>
/// Typed reading of one JSON object of a rule file. Each getter returns null when the key is absent or its value
/// is wrong, after logging why; the caller carries on, so that one pass finds every problem of the file.
/// An explicit <c>null</c> counts as absent for optional keys.
/// </summary>
internal sealed partial class JsonFields
{
    private readonly JsonSource _source;
    private readonly ProblemLog _log;

    private JsonFields(JsonSource source, JObject obj, ProblemLog log)
    {
        _source = source;
        Object = obj;
        _log = log;
    }

    public JObject Object { get; }

    public SourcePosition Position => _source.PositionOf(Object);

    /// <summary>The token as an object, or null after logging that it should have been one.</summary>
    public static JsonFields? Of(JsonSource source, JToken token, ProblemLog log, string what)
    {
        if (token is JObject obj)
        {
            return new JsonFields(source, obj, log);
        }
        log.Error(source.PositionOf(token), $"{what}应为对象，实际为{TypeName(token)}");
        return null;
    }

    public static string TypeName(JToken token) => token.Type switch
    {
        JTokenType.Object => "对象",
        JTokenType.Array => "数组",
        JTokenType.Integer => "整数",
        JTokenType.Float => "小数",
        JTokenType.String => "字符串",
        JTokenType.Boolean => "布尔值",
        JTokenType.Null => "null",
        _ => token.Type.ToString(),
    };

    public SourcePosition PositionOf(string key) =>
        Object.Property(key, StringComparison.Ordinal) is { } p ? _source.PositionOf(p) : Position;

    public SourcePosition ValuePositionOf(string key) =>
        Object.Property(key, StringComparison.Ordinal) is { } p ? _source.PositionOf(p.Value) : Position;

    public bool Has(string key) => Value(key) is not null;

    /// <summary>Logs every key that is not one of <paramref name="known"/> (keys are case-sensitive).</summary>
    public void CheckKeys(IReadOnlyCollection<string> known)
    {
        foreach (var p in Object.Properties())
        {
            if (!known.Contains(p.Name))
            {
                _log.Error(_source.PositionOf(p), $"未知的键 `{p.Name}`{KeySuggestion.Hint(p.Name, known)}");
            }
        }
    }

    public string? String(string key, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            WrongType(key, token, "字符串");
            return null;
        }
        var s = (string)token!;
        if (string.IsNullOrWhiteSpace(s))
        {
            _log.Error(_source.PositionOf(token), $"`{key}` 不能为空字符串");
            return null;
        }
        return s.Trim();
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (case-sensitive).</summary>
    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            WrongType(key, token, "字符串（" + string.Join("、", allowed) + "）");
            return null;
        }
        var s = (string)token!;
        if (!allowed.Contains(s, StringComparer.Ordinal))
        {
            _log.Error(_source.PositionOf(token),
                $"`{key}` 的值 \"{s}\" 无效，应为 {string.Join("、", allowed)} 之一{KeySuggestion.Hint(s, allowed)}");
            return null;
        }
        return s;
    }

    public int? Int(string key, int min, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.Integer)
        {
            WrongType(key, token, "整数");
            return null;
        }
        if (!IsJsonNumber(key, token))
        {
            return null;
        }
        var raw = ((JValue)token).Value;
        if (raw is BigInteger || (raw is long l && (l > int.MaxValue || l < int.MinValue)))
        {
            _log.Error(_source.PositionOf(token), $"`{key}` 超出范围：{token}");
            return null;
        }
        var v = (int)token;
        if (v < min)
        {
            _log.Error(_source.PositionOf(token), min == 0 ? $"`{key}` 不能为负数：{v}" : $"`{key}` 应不小于 {min}：{v}");
            return null;
        }
        return v;
    }

    public bool? Bool(string key, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.Boolean)
        {
            WrongType(key, token, "布尔值（true 或 false）");
            return null;
        }
        return (bool)token;
    }

    /// <summary>A <c>YYYY-MM-DD</c> string naming a real date.</summary>
    public DateOnly? Date(string key, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            WrongType(key, token, "日期字符串（YYYY-MM-DD）");
            return null;
        }
        return ParseDate(key, token);
    }

    /// <summary>Yuan, not negative, at most two decimals; read from the decimal the reader parsed, never a double.</summary>
    public decimal? Amount(string key)
    {
        var token = Get(key, required: false);
        if (token is null)
        {
            return null;
        }
        if (token.Type is JTokenType.Integer or JTokenType.Float && !IsJsonNumber(key, token))
        {
            return null;
        }
        decimal v;
        switch (((JValue)token).Value)
        {
            case decimal d:
                v = d;
                break;
            case long l:
                v = l;
                break;
            case BigInteger:
                _log.Error(_source.PositionOf(token), $"`{key}` 超出范围：{token}");
                return null;
            default:
                WrongType(key, token, "金额（元，数字）");
                return null;
        }
        if (v < 0)
        {
            _log.Error(_source.PositionOf(token), $"`{key}` 不能为负数：{token}");
            return null;
        }
        if (decimal.Round(v, 2) != v)
        {
            _log.Error(_source.PositionOf(token), $"`{key}` 最多两位小数：{token}");
            return null;
        }
        return v;
    }

    /// <summary>An array of non-empty strings, each with its position.</summary>
    public IReadOnlyList<Located<string>>? Strings(string key, bool required = false)
    {
        var array = Array(key, required);
        if (array is null)
        {
            return null;
        }
        var result = new List<Located<string>>();
        var ok = true;
        foreach (var element in array)
        {
            if (element.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)element))
            {
                _log.Error(_source.PositionOf(element), $"`{key}` 的元素应为非空字符串，实际为{Describe(element)}");
                ok = false;
                continue;
            }
            result.Add(new Located<string>(((string)element!).Trim(), _source.PositionOf(element)));
        }
        return ok ? result : null;
    }

    public JArray? Array(string key, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token is not JArray array)
        {
            WrongType(key, token, "数组");
            return null;
        }
        return array;
    }

    public JsonFields? ObjectField(string key, bool required = false)
    {
        var token = Get(key, required);
        if (token is null)
        {
            return null;
        }
        if (token is not JObject obj)
        {
            WrongType(key, token, "对象");
            return null;
        }
        return new JsonFields(_source, obj, _log);
    }

    private bool IsJsonNumber(string key, JToken token)
    {
        var literal = _source.LiteralText(token);
        if (NumberPattern().IsMatch(literal))
        {
            return true;
        }
        _log.Error(_source.PositionOf(token), $"`{key}` 不是标准的 JSON 数字：{literal}（不能有前导 0 或十六进制）");
        return false;
    }

    private DateOnly? ParseDate(string key, JToken token)
    {
        var s = (string)token!;
        if (!DatePattern().IsMatch(s)
            || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            _log.Error(_source.PositionOf(token), $"`{key}` 不是有效日期：\"{s}\"（应为 YYYY-MM-DD）");
            return null;
        }
        return d;
    }

    private JToken? Value(string key)
    {
        var p = Object.Property(key, StringComparison.Ordinal);
        return p is null || p.Value.Type == JTokenType.Null ? null : p.Value;
    }

    private JToken? Get(string key, bool required)
    {
        var p = Object.Property(key, StringComparison.Ordinal);
        if (p is null)
        {
            if (required)
            {
                _log.Error(Position, $"缺少必填键 `{key}`");
            }
            return null;
        }
        if (p.Value.Type == JTokenType.Null)
        {
            if (required)
            {
                _log.Error(_source.PositionOf(p.Value), $"`{key}` 不能为 null");
            }
            return null;
        }
        return p.Value;
    }

    private void WrongType(string key, JToken token, string expected) =>
        _log.Error(_source.PositionOf(token), $"`{key}` 应为{expected}，实际为{Describe(token)}");

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"字符串 \"{(string?)token}\"",
        JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => $"{TypeName(token)} {token.ToString(Newtonsoft.Json.Formatting.None)}",
        _ => TypeName(token),
    };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
