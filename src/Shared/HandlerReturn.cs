namespace Disgo.Shared;

/// <summary>What a handler returns, which decides whether the dispatcher awaits it.</summary>
internal enum HandlerReturn
{
    Void,
    ValueTask,
    Task,
}
