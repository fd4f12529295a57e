using Disgo.Shared;

namespace Disgo.Generator.Models;

/// <summary>One handler method call.</summary>
/// <param name="DisplayName">The handler's full name without <c>global::</c>, reported when it fails.</param>
/// <param name="Target">What the method is called on: the bot's field for an instance method, the <c>global::</c>-qualified class for a static one.</param>
/// <param name="MethodName">The method's name, escaped if it is a keyword.</param>
/// <param name="TakesContext">Whether a DispatchContext follows the model.</param>
/// <param name="Returns">Whether the call is awaited.</param>
/// <param name="OnlyShards">The shards the handler is limited to; empty for every shard.</param>
internal sealed record HandlerCallModel(
    string DisplayName,
    string Target,
    string MethodName,
    bool TakesContext,
    HandlerReturn Returns,
    EquatableArray<int> OnlyShards)
{
    public bool IsAwaited => Returns != HandlerReturn.Void;
}
