using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Gateway;
using Disgo.Gateway.Dispatch;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// A dispatcher built the way reflection-based libraries build one: at start-up it scans the handler classes for
/// <see cref="OnAttribute"/> methods (event inferred from the model type when unnamed), then for each event it
/// deserializes <c>d</c> once and calls every handler in declaration order, each in its own <c>try</c>.
/// </summary>
/// <remarks>
/// Fair to reflection on purpose: events are matched on their UTF-8 names without allocating, <c>d</c> is read with the
/// same source-generated metadata as the generated dispatcher, and sequential handlers complete without an allocation
/// when they complete synchronously. What differs is only how handlers are found and called.
/// </remarks>
internal sealed class ReflectionDispatcher : IGatewayDispatcher
{
    private readonly Route[] _routes;
    private readonly ILogger _logger;

    /// <param name="handlerTypes">The handler classes, in call order.</param>
    /// <param name="instances">The instance of every class with instance handlers.</param>
    /// <param name="invocation">How handlers are called.</param>
    /// <param name="logger">Where handler failures go.</param>
    public ReflectionDispatcher(IReadOnlyList<Type> handlerTypes, IReadOnlyDictionary<Type, object> instances, ReflectionInvocation invocation, ILogger? logger = null)
    {
        var routes = new List<(string Event, Type Model, List<Handler> Handlers)>();
        foreach (var type in handlerTypes)
        {
            // Metadata order is declaration order, which GetMethods does not promise.
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            Array.Sort(methods, (left, right) => left.MetadataToken.CompareTo(right.MetadataToken));
            foreach (var method in methods)
            {
                if (method.GetCustomAttribute<OnAttribute>() is not { } on)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                var model = parameters[0].ParameterType;
                var eventName = on.EventName ?? EventOf(model);
                var handler = new Handler(
                    $"{type.FullName}.{method.Name}",
                    method.IsStatic ? null : instances[type],
                    HandlerInvokers.Create(method, parameters.Length == 2, invocation));
                var index = routes.FindIndex(route => route.Event == eventName);
                if (index < 0)
                {
                    routes.Add((eventName, model, [handler]));
                }
                else
                {
                    routes[index].Handlers.Add(handler);
                }
            }
        }

        _routes = [.. routes.Select(route => new Route(Encoding.UTF8.GetBytes(route.Event), DisgoJsonContext.Default.GetTypeInfo(route.Model)!, [.. route.Handlers]))];
        _logger = logger ?? NullLogger.Instance;
    }

    public bool Handles(ReadOnlySpan<byte> eventName) => Find(eventName) is not null;

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) =>
        Find(dispatch.EventName.Span) is { } route ? DeliverAsync(route, dispatch, cancellationToken) : default;

    private async ValueTask DeliverAsync(Route route, GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var model = Deserialize(route.TypeInfo, dispatch);
        var context = new DispatchContext(dispatch, commands: null, cancellationToken);
        foreach (var handler in route.Handlers)
        {
            try
            {
                await handler.Invoke(handler.Target, model, context).ConfigureAwait(false);
            }
            catch (Exception exception) when (HandlerFailures.IsReportable(exception, cancellationToken))
            {
                HandlerFailures.Report(_logger, exception is TargetInvocationException { InnerException: { } inner } ? inner : exception, handler.Name, dispatch);
            }
        }
    }

    private static object Deserialize(JsonTypeInfo typeInfo, GatewayDispatch dispatch)
    {
        try
        {
            return JsonSerializer.Deserialize(dispatch.Data.Span, typeInfo)
                ?? throw new JsonException($"Expected {typeInfo.Type.Name}, found null.");
        }
        catch (JsonException exception)
        {
            throw new GatewayDecodeException($"The data of {Encoding.UTF8.GetString(dispatch.EventName.Span)} does not fit {typeInfo.Type.Name}: {exception.Message}", exception);
        }
    }

    private static string EventOf(Type model)
    {
        string? found = null;
        foreach (var info in GatewayEvents.All)
        {
            if (info.ModelType == model)
            {
                found = found is null ? info.Name : throw new InvalidOperationException($"Several events carry {model.Name}: name the event.");
            }
        }

        return found ?? throw new InvalidOperationException($"No event carries {model.Name}.");
    }

    private Route? Find(ReadOnlySpan<byte> eventName)
    {
        foreach (var route in _routes)
        {
            if (eventName.SequenceEqual(route.EventName))
            {
                return route;
            }
        }

        return null;
    }

    private sealed record Handler(string Name, object? Target, HandlerInvoker Invoke);

    private sealed record Route(byte[] EventName, JsonTypeInfo TypeInfo, Handler[] Handlers);
}
