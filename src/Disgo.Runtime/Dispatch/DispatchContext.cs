using Disgo.Gateway.Dispatch;
using Disgo.Models.Gateway;
using Disgo.Serialization;

namespace Disgo;

/// <summary>
/// Where an event came from, passed to a handler next to the event's model: its shard, session and sequence, a
/// cancellation token that fires when the session stops, and the way to send gateway commands back.
/// </summary>
/// <remarks>A value: handlers may keep it, but it holds IDs, never the session or connection objects.</remarks>
public readonly struct DispatchContext
{
    private readonly IGatewayCommandSender? _commands;

    /// <param name="dispatch">The event being delivered.</param>
    /// <param name="commands">Where commands go; <see langword="null"/> when nothing can send them (see <see cref="Commands"/>).</param>
    /// <param name="cancellationToken">Fires when the session stops delivering events.</param>
    public DispatchContext(GatewayDispatch dispatch, IGatewayCommandSender? commands, CancellationToken cancellationToken)
    {
        ShardId = dispatch.ShardId;
        SessionId = dispatch.SessionId is { Length: > 0 } sessionId ? new SessionId(sessionId) : SessionId.None;
        Sequence = dispatch.Sequence;
        CancellationToken = cancellationToken;
        _commands = commands;
    }

    /// <summary>The shard the event arrived on (0 for a bot without sharding).</summary>
    public int ShardId { get; }

    /// <summary>The session the event belongs to; <see cref="SessionId.None"/> for READY, whose model carries it.</summary>
    public SessionId SessionId { get; }

    /// <summary>The event's sequence number (<c>s</c>) in its session.</summary>
    public long Sequence { get; }

    /// <summary>Fires when the session stops delivering events; pass it to anything the handler awaits.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether <see cref="Commands"/> is available.</summary>
    public bool CanSendCommands => _commands is not null;

    /// <summary>Sends gateway commands by session or shard ID.</summary>
    /// <exception cref="InvalidOperationException">
    /// The bot was created without an <see cref="IGatewayCommandSender"/> (none registered in its service provider, or
    /// none passed to its factory).
    /// </exception>
    public IGatewayCommandSender Commands => _commands ?? throw new InvalidOperationException(
        "No IGatewayCommandSender is available to this bot: register one in the service provider the bot is created from, or pass one to its Create method.");

    /// <summary>Updates the bot's presence (op 3) on this event's session.</summary>
    public Task UpdatePresenceAsync(UpdatePresence presence)
    {
        ArgumentNullException.ThrowIfNull(presence);
        return Commands.SendAsync(RequireSession(), GatewayOpcode.PresenceUpdate, presence, DisgoJsonContext.Default.UpdatePresence, CancellationToken);
    }

    /// <summary>Joins, moves between or leaves voice channels (op 4) on this event's session.</summary>
    public Task UpdateVoiceStateAsync(UpdateVoiceState voiceState)
    {
        ArgumentNullException.ThrowIfNull(voiceState);
        return Commands.SendAsync(RequireSession(), GatewayOpcode.VoiceStateUpdate, voiceState, DisgoJsonContext.Default.UpdateVoiceState, CancellationToken);
    }

    private SessionId RequireSession() => SessionId.IsNone
        ? throw new InvalidOperationException("This event belongs to no session yet (READY announces it): send by shard with Commands.SendToShardAsync instead.")
        : SessionId;
}
