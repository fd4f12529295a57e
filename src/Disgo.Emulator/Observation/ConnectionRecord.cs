using System.Collections.Concurrent;

namespace Disgo.Emulator.Observation;

/// <summary>What one gateway connection did, as seen by the emulator.</summary>
public sealed class ConnectionRecord
{
    private readonly ConcurrentQueue<ReceivedPayload> _received = new();

    internal ConnectionRecord(long id, string path, DateTimeOffset openedAt)
    {
        Id = id;
        Path = path;
        OpenedAt = openedAt;
    }

    public long Id { get; }

    /// <summary>The path the client connected to (<c>/gateway</c> or the resume URL's path).</summary>
    public string Path { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>The shard tuple the connection identified or resumed with, once known.</summary>
    public ShardTuple? Shard { get; internal set; }

    /// <summary>The session this connection carried, once identified or resumed.</summary>
    public string? SessionId { get; internal set; }

    /// <summary>Every payload the client sent, in order.</summary>
    public IReadOnlyCollection<ReceivedPayload> Received => _received;

    /// <summary>The close code the emulator sent, if it closed the connection.</summary>
    public int? ServerCloseCode { get; internal set; }

    /// <summary>The close code the client sent, if it closed the connection with a close frame.</summary>
    public int? ClientCloseCode { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    internal void Receive(ReceivedPayload payload) => _received.Enqueue(payload);
}

/// <summary>One payload a client sent: its opcode (or -1 if undecodable), size and arrival time.</summary>
public readonly record struct ReceivedPayload(int Opcode, int Length, DateTimeOffset At);
