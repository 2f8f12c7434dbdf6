using System.Collections;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using RulesEngine.HelperFunctions;

namespace Compliance.Rules.Workflows;

/// <summary>
/// The types rule expressions may name: the list RulesEngine's own type provider (<c>RulesEngine.CustomTypeProvider</c>)
/// builds from the same custom types, without its first step, a scan of every type of every loaded assembly for
/// <c>[DynamicLinqType]</c>. That scan was 0.15 s of a cold rule-set load, a fifth of it, and finds nothing in this
/// program: a test compares the two lists with every assembly the program ships loaded.
/// </summary>
internal sealed class RuleTypeProvider : DefaultDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> _types;

    public RuleTypeProvider(IEnumerable<Type> customTypes)
        : base(ParsingConfig.Default, cacheCustomTypes: true)
    {
        // As RulesEngine builds it: the custom types and its two helpers, with every base type and interface of each.
        _types = [.. customTypes, typeof(ExpressionUtils), typeof(Enumerable)];
        var pending = new Queue<Type>(_types);
        while (pending.TryDequeue(out var type))
        {
            if (type.BaseType is { } baseType && _types.Add(baseType))
            {
                pending.Enqueue(baseType);
            }
            foreach (var implemented in type.GetInterfaces())
            {
                if (_types.Add(implemented))
                {
                    pending.Enqueue(implemented);
                }
            }
        }
        _types.Add(typeof(IEnumerable));
    }

    public override HashSet<Type> GetCustomTypes() => _types;
}
