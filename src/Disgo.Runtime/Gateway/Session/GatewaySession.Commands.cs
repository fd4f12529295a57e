using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Disgo.Gateway.Sending;
using Disgo.Models.Gateway;
using Disgo.Serialization;

namespace Disgo.Gateway.Session;

/// <summary>
/// The send path for user commands: each waits for a ready connection and for room in that connection's budget
/// (which keeps slots for heartbeats, identify and resume), and moves on to the next connection if its own ends first.
/// </summary>
public sealed partial class GatewaySession
{
    /// <summary>
    /// Sends a command (<c>{"op": opcode, "d": data}</c>) once the session is ready and the connection's budget
    /// allows: 120 payloads per 60 s, minus the slots kept for heartbeats, and 5 presence updates per 20 s. Nothing
    /// is dropped and nothing trips close 4008: the call waits instead. A command whose connection ends before it
    /// went out is sent on the next one.
    /// </summary>
    /// <param name="opcode">A command opcode (3, 4, 8, 31, 43...); heartbeat, identify and resume are the session's own.</param>
    /// <param name="data">The command's <c>d</c>.</param>
    /// <param name="dataTypeInfo">Source-generated metadata for <typeparamref name="T"/> (e.g. from <see cref="DisgoJsonContext"/>).</param>
    /// <param name="cancellationToken">Gives up waiting; the command is then not sent.</param>
    /// <exception cref="ArgumentException">The opcode is not a user command, or the payload is over Discord's 4096 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The session has stopped.</exception>
    public Task SendAsync<T>(GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataTypeInfo);
        if (opcode is GatewayOpcode.Heartbeat or GatewayOpcode.Identify or GatewayOpcode.Resume)
        {
            throw new ArgumentException($"{opcode} (op {(int)opcode}) is sent by the session itself, never through SendAsync.", nameof(opcode));
        }

        if (opcode is GatewayOpcode.Dispatch or GatewayOpcode.Reconnect or GatewayOpcode.InvalidSession or GatewayOpcode.Hello or GatewayOpcode.HeartbeatAck)
        {
            throw new ArgumentException($"{opcode} (op {(int)opcode}) is only ever sent by the gateway.", nameof(opcode));
        }

        var payload = GatewayCommandWriter.Write(opcode, data, dataTypeInfo);
        GatewayCommandWriter.EnsureWithinLimit(payload, opcode.ToString(), nameof(data));
        var kind = opcode == GatewayOpcode.PresenceUpdate ? GatewaySendKind.PresenceUpdate : GatewaySendKind.Command;
        return SendCommandAsync(kind, payload, cancellationToken);
    }

    /// <summary>Updates the bot's presence (op 3); at most 5 go out per 20 s, later ones wait.</summary>
    public Task UpdatePresenceAsync(UpdatePresence presence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presence);
        return SendAsync(GatewayOpcode.PresenceUpdate, presence, DisgoJsonContext.Default.UpdatePresence, cancellationToken);
    }

    /// <summary>Joins, moves between or leaves voice channels (op 4).</summary>
    public Task UpdateVoiceStateAsync(UpdateVoiceState voiceState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(voiceState);
        return SendAsync(GatewayOpcode.VoiceStateUpdate, voiceState, DisgoJsonContext.Default.UpdateVoiceState, cancellationToken);
    }

    /// <summary>
    /// Requests guild members (op 8) and gathers every GUILD_MEMBERS_CHUNK of the answer, matched by nonce (one is
    /// made up when the request has none). The dispatcher still receives the chunks as events.
    /// </summary>
    /// <param name="request">Exactly one of <c>Query</c> and <c>UserIds</c> set; a guild on this session's shard.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="GatewayRateLimitedException">The gateway refused the request (a full member list more than once per 30 s); see its RetryAfter.</exception>
    /// <exception cref="InvalidOperationException">The Discord session was replaced before the answer came; chunks of the old one never will.</exception>
    /// <exception cref="ArgumentException">The request cannot be answered as it stands.</exception>
    public async Task<GuildMembersResult> RequestGuildMembersAsync(RequestGuildMembers request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateMemberRequest(request);
        var nonce = request.Nonce ?? string.Create(CultureInfo.InvariantCulture, $"disgo-{Interlocked.Increment(ref _nonceCounter)}");
        if (Encoding.UTF8.GetByteCount(nonce) > RequestGuildMembers.MaxNonceBytes)
        {
            throw new ArgumentException($"The nonce is over {RequestGuildMembers.MaxNonceBytes} bytes; Discord would drop it and the answer could not be matched.", nameof(request));
        }

        var sent = request.Nonce is null
            ? new RequestGuildMembers
            {
                GuildId = request.GuildId,
                Query = request.Query,
                Limit = request.Limit,
                Presences = request.Presences,
                UserIds = request.UserIds,
                Nonce = nonce,
            }
            : request;
        var pending = new PendingMemberRequest(request.GuildId, nonce);
        if (!MemberRequests.TryAdd(nonce, pending))
        {
            throw new ArgumentException($"A member request with nonce '{nonce}' is already waiting for its answer; use another nonce.", nameof(request));
        }

        try
        {
            using var registration = cancellationToken.Register(static state =>
            {
                var (request, token) = ((PendingMemberRequest, CancellationToken))state!;
                request.Cancel(token);
            }, (pending, cancellationToken));
            await SendAsync(GatewayOpcode.RequestGuildMembers, sent, DisgoJsonContext.Default.RequestGuildMembers, cancellationToken).ConfigureAwait(false);
            return await pending.Result.ConfigureAwait(false);
        }
        finally
        {
            MemberRequests.TryRemove(new KeyValuePair<string, PendingMemberRequest>(nonce, pending));
        }
    }

    private void ValidateMemberRequest(RequestGuildMembers request)
    {
        if ((request.Query is null) == (request.UserIds is null))
        {
            throw new ArgumentException("Set exactly one of Query (\"\" for everyone) and UserIds.", nameof(request));
        }

        if (request.UserIds is { Count: > RequestGuildMembers.MaxUserIds } userIds)
        {
            throw new ArgumentException($"UserIds names {userIds.Count} users; one request may name at most {RequestGuildMembers.MaxUserIds}.", nameof(request));
        }

        if (_shard is { } shard && !shard.Receives(request.GuildId))
        {
            throw new ArgumentException(
                $"Guild {request.GuildId} is on shard {request.GuildId.ShardId(shard.ShardCount)} of {shard.ShardCount}, not on this session's shard {shard}; Discord would not answer.",
                nameof(request));
        }
    }

    private async Task SendCommandAsync(GatewaySendKind kind, byte[] payload, CancellationToken cancellationToken)
    {
        GatewayMetrics.SendQueueDepth.Add(1, _shardTag, _shardCountTag);
        try
        {
            SessionConnection? failed = null;
            while (true)
            {
                Task<SessionConnection> ready;
                lock (_gate)
                {
                    ready = _readyConnection.Task;
                }

                var connection = await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (ReferenceEquals(connection, failed))
                {
                    // Its end is not processed yet: wait for it, then for the next ready connection.
                    await connection.Ended.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    await connection.SendAsync(kind, payload, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is ObjectDisposedException or WebSocketException)
                {
                    failed = connection;
                }
            }
        }
        finally
        {
            GatewayMetrics.SendQueueDepth.Add(-1, _shardTag, _shardCountTag);
        }
    }

    private void FailMemberRequests(Exception exception)
    {
        if (_memberRequests is not { } requests)
        {
            return;
        }

        foreach (var pending in requests.Values)
        {
            if (requests.TryRemove(new KeyValuePair<string, PendingMemberRequest>(pending.Nonce, pending)))
            {
                pending.Fail(exception);
            }
        }
    }
}
