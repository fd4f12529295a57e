using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Generator.Parsing;

/// <summary>Writes a parameter's default value as a C# expression of the parameter's type.</summary>
internal static class DefaultValues
{
    /// <summary>The expression, or null when the parameter has no default.</summary>
    public static string? Of(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        var type = TypeNames.Qualify(parameter.Type);
        return value switch
        {
            null => "default",
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            double number when double.IsNaN(number) || double.IsInfinity(number) => $"({type})(global::System.Double.{NonFinite(number)})",
            float number when float.IsNaN(number) || float.IsInfinity(number) => $"({type})(global::System.Single.{NonFinite(number)})",
            // The cast gives the literal the parameter's type (float, decimal, enum...); the parentheses keep a minus sign from reading as a subtraction.
            _ => $"({type})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})",
        };
    }

    private static string NonFinite(double number) =>
        double.IsNaN(number) ? "NaN" : number > 0 ? "PositiveInfinity" : "NegativeInfinity";
}
