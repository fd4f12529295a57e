namespace Disgo.Generator.Models;

/// <summary>A handler constructor parameter, filled from the service provider.</summary>
/// <param name="Name">The parameter's name, for error messages.</param>
/// <param name="TypeName">Its <c>global::</c>-qualified type, with nullable annotations.</param>
/// <param name="DefaultValue">A C# expression of its default, used when no service is registered; null when it has none (the service is required).</param>
internal sealed record ServiceParameterModel(string Name, string TypeName, string? DefaultValue);
