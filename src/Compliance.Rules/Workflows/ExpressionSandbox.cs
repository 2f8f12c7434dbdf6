using System.Linq.Expressions;
using System.Reflection;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Workflows;

/// <summary>
/// Refuses any parsed expression that reaches beyond the facts and the documented helpers. Dynamic LINQ's own
/// type allow-list still lets through reflection (<c>x.GetType()</c>), side-effecting methods on inputs and
/// unbounded <c>Enumerable.Range</c>; this walks the tree and allows only what rules need.
/// </summary>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    /// <summary>The largest constant count an expression may ask of Enumerable.Range or Repeat.</summary>
    public const int MaxSequence = 10_000;

    private static readonly HashSet<Type> AllowedTypes =
    [
        typeof(CaseFacts), typeof(StageFacts), typeof(ChargeFacts), typeof(CalendarHelpers), typeof(CatalogHelpers),
        typeof(Settings), typeof(Item), typeof(Fee), typeof(FeePeriod), typeof(StageLimit), typeof(Unit),
        typeof(CaseRecord), typeof(ChargeRecord), typeof(StageRecord), typeof(ProcedureRecord),
        typeof(string), typeof(Math), typeof(decimal), typeof(int), typeof(long), typeof(double), typeof(bool),
        typeof(DateOnly), typeof(char), typeof(Enumerable), typeof(Nullable),
    ];

    private static readonly HashSet<Type> AllowedGenericDefinitions =
    [
        typeof(Nullable<>), typeof(IReadOnlySet<>), typeof(ISet<>), typeof(HashSet<>), typeof(IReadOnlyList<>),
        typeof(IReadOnlyCollection<>), typeof(ICollection<>), typeof(IEnumerable<>), typeof(List<>),
        typeof(IReadOnlyDictionary<,>), typeof(Dictionary<,>), typeof(IList<>),
    ];

    private static readonly HashSet<string> ForbiddenMethods = new(StringComparer.Ordinal)
    {
        "GetType", "MemberwiseClone", "GetHashCode", "Finalize", "ReferenceEquals",
    };

    private readonly List<string> _violations = [];

    public static IReadOnlyList<string> Inspect(Expression expression)
    {
        var sandbox = new ExpressionSandbox();
        sandbox.Visit(expression);
        return sandbox._violations;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (ForbiddenMethods.Contains(method.Name) || !IsAllowed(method.DeclaringType))
        {
            _violations.Add($"规则不得调用 {Describe(method.DeclaringType)}.{method.Name}()");
        }
        else if (method.DeclaringType == typeof(Enumerable) && method.Name is "Range" or "Repeat")
        {
            var count = node.Arguments[1];
            if (count is not ConstantExpression { Value: int n } || n > MaxSequence)
            {
                _violations.Add($"Enumerable.{method.Name} 的个数须为不超过 {MaxSequence} 的常数");
            }
        }
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member is PropertyInfo or FieldInfo && !IsAllowed(node.Member.DeclaringType))
        {
            _violations.Add($"规则不得访问 {Describe(node.Member.DeclaringType)}.{node.Member.Name}");
        }
        return base.VisitMember(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (!IsAllowed(node.Type) && !IsAnonymous(node.Type))
        {
            _violations.Add($"规则不得创建 {Describe(node.Type)} 对象");
        }
        return base.VisitNew(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Delegate)
        {
            _violations.Add("规则不得使用类型、成员或委托对象（反射）");
        }
        return base.VisitConstant(node);
    }

    private static bool IsAllowed(Type? type)
    {
        if (type is null)
        {
            return false;
        }
        if (type.IsEnum || AllowedTypes.Contains(type) || IsAnonymous(type))
        {
            return true;
        }
        if (type.IsGenericType && AllowedGenericDefinitions.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(IsAllowed);
        }
        return false;
    }

    private static bool IsAnonymous(Type type) =>
        type.Namespace is null && type.Name.Contains("AnonymousType", StringComparison.Ordinal)
        || type.Assembly.IsDynamic;

    private static string Describe(Type? type) => type?.Name ?? "?";
}
