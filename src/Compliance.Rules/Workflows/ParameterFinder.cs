using System.Linq.Expressions;

namespace Compliance.Rules.Workflows;

/// <summary>Whether an expression tree reads a given parameter.</summary>
internal sealed class ParameterFinder(ParameterExpression target) : ExpressionVisitor
{
    private bool _found;

    public static bool Uses(Expression expression, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(expression);
        return finder._found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found |= node == target;
        return node;
    }
}
