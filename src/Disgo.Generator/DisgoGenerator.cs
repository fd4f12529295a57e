using Microsoft.CodeAnalysis;

namespace Disgo.Generator;

/// <summary>
/// Turns attribute-annotated partial handler classes into reflection-free dispatch tables.
/// The pipeline is wired here; parsing, models and emitting live in their own folders as they land.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DisgoGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Bot declarations are not defined yet: the generator is loaded by consumers and emits nothing.
    }
}
