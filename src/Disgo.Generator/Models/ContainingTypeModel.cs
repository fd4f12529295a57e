namespace Disgo.Generator.Models;

/// <summary>A type a bot is nested in, re-declared as partial around the generated members.</summary>
/// <param name="Declaration">Its modifiers and kind, e.g. <c>static partial class</c> or <c>partial record struct</c>.</param>
/// <param name="Name">Its name.</param>
internal sealed record ContainingTypeModel(string Declaration, string Name);
