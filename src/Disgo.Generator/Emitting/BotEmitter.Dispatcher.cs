using System.Collections.Generic;
using System.Linq;
using Disgo.Generator.Models;

namespace Disgo.Generator.Emitting;

internal static partial class BotEmitter
{
    private static void WriteDispatcher(SourceWriter writer, BotModel bot)
    {
        if (bot.Events.Count == 0)
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public bool Handles({Names.ByteSpan} eventName) => false;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public {Names.ValueTask} DispatchAsync({Names.GatewayDispatch} dispatch, {Names.CancellationToken} cancellationToken) => default;");
            return;
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Handles({Names.ByteSpan} eventName) => Match(eventName) != HandledEvent.None;");
        writer.Line();
        WriteDispatchAsync(writer, bot);
        writer.Line();
        WriteMatch(writer, bot);
        foreach (var handledEvent in bot.Events)
        {
            writer.Line();
            WriteEventMethod(writer, handledEvent);
        }

        writer.Line();
        writer.Open("private enum HandledEvent");
        writer.Line("None,");
        foreach (var handledEvent in bot.Events)
        {
            writer.Line($"{handledEvent.MemberName},");
        }

        writer.Close();
    }

    private static void WriteDispatchAsync(SourceWriter writer, BotModel bot)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public {Names.ValueTask} DispatchAsync({Names.GatewayDispatch} dispatch, {Names.CancellationToken} cancellationToken)");
        writer.Open("switch (Match(dispatch.EventName.Span))");
        foreach (var handledEvent in bot.Events)
        {
            writer.Line($"case HandledEvent.{handledEvent.MemberName}:");
            writer.Indent();
            writer.Line($"return On{handledEvent.MemberName}Async(dispatch, cancellationToken);");
            writer.Outdent();
        }

        writer.Line("default:");
        writer.Indent();
        writer.Line("return default;");
        writer.Outdent();
        writer.Close();
        writer.Close();
    }

    /// <summary>Compares the UTF-8 name by length first, then bytes: no string is made for any event.</summary>
    private static void WriteMatch(SourceWriter writer, BotModel bot)
    {
        writer.Open($"private static HandledEvent Match({Names.ByteSpan} eventName)");
        writer.Open("switch (eventName.Length)");
        foreach (var sameLength in bot.Events.GroupBy(handledEvent => handledEvent.Name.Length).OrderBy(group => group.Key))
        {
            writer.Line($"case {Number(sameLength.Key)}:");
            writer.Indent();
            foreach (var handledEvent in sameLength)
            {
                writer.Open($"if ({Names.MemoryExtensions}.SequenceEqual(eventName, \"{handledEvent.Name}\"u8))");
                writer.Line($"return HandledEvent.{handledEvent.MemberName};");
                writer.Close();
                writer.Line();
            }

            writer.Line("break;");
            writer.Outdent();
        }

        writer.Close();
        writer.Line();
        writer.Line("return HandledEvent.None;");
        writer.Close();
    }

    /// <summary>
    /// One event: deserialized once, then every handler in order, each in its own try so that one failure is
    /// reported and the others still run. Not async unless a handler is awaited.
    /// </summary>
    private static void WriteEventMethod(SourceWriter writer, HandledEventModel handledEvent)
    {
        var awaits = handledEvent.Handlers.Any(handler => handler.IsAwaited);
        if (awaits)
        {
            // Pooled: a handler that completes asynchronously must not cost an allocation per event.
            writer.Line($"[{Names.PooledBuilder}]");
        }

        writer.Open($"private {(awaits ? "async " : "")}{Names.ValueTask} On{handledEvent.MemberName}Async({Names.GatewayDispatch} dispatch, {Names.CancellationToken} cancellationToken)");
        if (handledEvent.OnlyShards.Count > 0)
        {
            writer.Line($"// Only shards {string.Join(", ", handledEvent.OnlyShards.Select(Number))} have handlers of {handledEvent.Name}: elsewhere it is not even deserialized.");
            writer.Open($"if (dispatch.ShardId is not {ShardPattern(handledEvent.OnlyShards, negated: true)})");
            writer.Line(awaits ? "return;" : "return default;");
            writer.Close();
            writer.Line();
        }

        writer.Line($"var model = dispatch.Deserialize({Names.JsonContext}.Default.{handledEvent.JsonTypeInfoProperty});");
        if (handledEvent.Handlers.Any(handler => handler.TakesContext))
        {
            writer.Line($"var context = new {Names.DispatchContext}(dispatch, _commandSender, cancellationToken);");
        }

        foreach (var handler in handledEvent.Handlers)
        {
            writer.Line();
            var limited = handler.OnlyShards.Count > 0 && handler.OnlyShards != handledEvent.OnlyShards;
            if (limited)
            {
                writer.Open($"if (dispatch.ShardId is {ShardPattern(handler.OnlyShards, negated: false)})");
            }

            WriteCall(writer, handler);
            if (limited)
            {
                writer.Close();
            }
        }

        if (!awaits)
        {
            writer.Line();
            writer.Line("return default;");
        }

        writer.Close();
    }

    private static void WriteCall(SourceWriter writer, HandlerCallModel handler)
    {
        var context = handler.TakesContext ? ", context" : "";
        writer.Open("try");
        if (handler.IsAwaited)
        {
            writer.Line($"await {handler.Target}.{handler.MethodName}(model{context}).ConfigureAwait(false);");
        }
        else
        {
            writer.Line($"{handler.Target}.{handler.MethodName}(model{context});");
        }

        writer.Close();
        writer.Open($"catch ({Names.Exception} exception) when ({Names.HandlerFailures}.IsReportable(exception, cancellationToken))");
        writer.Line($"{Names.HandlerFailures}.Report(_logger, exception, {Literal(handler.DisplayName)}, dispatch);");
        writer.Close();
    }

    /// <summary><c>0</c> or <c>0 or 3</c>; negated with several shards, <c>(0 or 3)</c> so that <c>not</c> covers them all.</summary>
    private static string ShardPattern(EquatableArray<int> shards, bool negated)
    {
        var alternatives = new List<string>();
        foreach (var shard in shards)
        {
            alternatives.Add(Number(shard));
        }

        var pattern = string.Join(" or ", alternatives);
        return negated && alternatives.Count > 1 ? $"({pattern})" : pattern;
    }
}
