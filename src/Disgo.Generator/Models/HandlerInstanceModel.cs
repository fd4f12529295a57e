namespace Disgo.Generator.Models;

/// <summary>A handler class the bot holds one instance of, and how the instance is constructed.</summary>
/// <param name="FieldName">The bot's field holding the instance.</param>
/// <param name="ParameterName">The factory parameter taking a ready-made instance.</param>
/// <param name="TypeName">The class's <c>global::</c>-qualified name.</param>
/// <param name="DisplayName">The class's full name without <c>global::</c>, for error messages.</param>
/// <param name="ConstructorParameters">The parameters of its constructor, in order.</param>
internal sealed record HandlerInstanceModel(
    string FieldName,
    string ParameterName,
    string TypeName,
    string DisplayName,
    EquatableArray<ServiceParameterModel> ConstructorParameters);
