using System.Collections.Concurrent;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>Every handler call, in order: which handler, the model instance it got and its context.</summary>
internal sealed class CallLog
{
    private readonly ConcurrentQueue<HandlerCall> _calls = new();

    public IReadOnlyList<HandlerCall> Calls => [.. _calls];

    public IEnumerable<string> Handlers => Calls.Select(call => call.Handler);

    public void Record(string handler, object model, DispatchContext context) => _calls.Enqueue(new HandlerCall(handler, model, context));
}

internal sealed record HandlerCall(string Handler, object Model, DispatchContext Context);
