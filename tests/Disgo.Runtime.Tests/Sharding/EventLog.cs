using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>The bot of these tests: handles every event and records each delivery with its shard and session.</summary>
internal sealed class EventLog : IGatewayDispatcher
{
    public ConcurrentQueue<Delivery> Delivered { get; } = new();

    public IEnumerable<Delivery> Named(string eventName) => Delivered.Where(d => d.EventName == eventName);

    public bool Handles(ReadOnlySpan<byte> eventName) => true;

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var data = dispatch.Data.Span;
        Delivered.Enqueue(new Delivery(Encoding.UTF8.GetString(dispatch.EventName.Span), dispatch.ShardId, dispatch.SessionId, Read(data, "id"), Read(data, "guild_id"), Read(data, "content")));
        return ValueTask.CompletedTask;
    }

    private static string? Read(ReadOnlySpan<byte> data, string property)
    {
        using var document = JsonDocument.Parse(data.ToArray());
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}

/// <summary>One event as the bot got it.</summary>
internal sealed record Delivery(string EventName, int ShardId, string? SessionId, string? Id, string? GuildId, string? Content);
