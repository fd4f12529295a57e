using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>
/// Walks everything a pipeline value holds. A symbol, syntax node or compilation anywhere in it would keep a whole
/// compilation alive between edits and break caching, whatever the value's equality says.
/// </summary>
internal static class ObjectGraph
{
    public static void AssertHoldsNoCompilationData(object? value, string step)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(value, step, "output", visited);
    }

    private static void Visit(object? value, string step, string path, HashSet<object> visited)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or AttributeData,
            $"Step {step} holds a {value.GetType().Name} at {path}.");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items and not string)
        {
            var index = 0;
            foreach (var item in items)
            {
                Visit(item, step, $"{path}[{index++}]", visited);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Visit(field.GetValue(value), step, $"{path}.{field.Name}", visited);
                }
            }
        }
    }
}
