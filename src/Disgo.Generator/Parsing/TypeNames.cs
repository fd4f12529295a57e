using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Generator.Parsing;

/// <summary>How symbols are written into generated code and its messages.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, with nullable annotations: unambiguous wherever the file is compiled.</summary>
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Qualify(ITypeSymbol type) => type.ToDisplayString(Qualified);

    /// <summary>The full name without <c>global::</c>, as people read it.</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary><paramref name="name"/> made a valid identifier: keywords get an <c>@</c>.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
