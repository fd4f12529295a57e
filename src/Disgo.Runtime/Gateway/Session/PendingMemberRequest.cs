using Disgo.Models;
using Disgo.Models.Events;

namespace Disgo.Gateway.Session;

/// <summary>
/// One Request Guild Members waiting for its GUILD_MEMBERS_CHUNK events, matched by nonce. Chunks are added by the
/// receive loop only; the result completes when every chunk index up to <c>chunk_count</c> has arrived once.
/// </summary>
internal sealed class PendingMemberRequest(Snowflake guildId, string nonce)
{
    private readonly TaskCompletionSource<GuildMembersResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GuildMember> _members = [];
    private readonly List<Snowflake> _notFound = [];
    private readonly List<PresenceUpdate> _presences = [];
    private bool[]? _received;
    private int _remaining;

    public string Nonce { get; } = nonce;

    public Task<GuildMembersResult> Result => _result.Task;

    /// <summary>Adds a chunk (a repeated index adds nothing); true once the answer is complete and the result set.</summary>
    public bool Add(GuildMembersChunk chunk)
    {
        if (_received is null)
        {
            _received = new bool[Math.Max(1, chunk.ChunkCount)];
            _remaining = _received.Length;
        }

        if (chunk.ChunkIndex < 0 || chunk.ChunkIndex >= _received.Length || _received[chunk.ChunkIndex])
        {
            return false;
        }

        _received[chunk.ChunkIndex] = true;
        _members.AddRange(chunk.Members);
        if (chunk.NotFound is { } notFound)
        {
            _notFound.AddRange(notFound);
        }

        if (chunk.Presences is { } presences)
        {
            _presences.AddRange(presences);
        }

        if (--_remaining > 0)
        {
            return false;
        }

        _result.TrySetResult(new GuildMembersResult(guildId, Nonce, _members, _notFound, _presences, _received.Length));
        return true;
    }

    public void Fail(Exception exception) => _result.TrySetException(exception);

    public void Cancel(CancellationToken cancellationToken) => _result.TrySetCanceled(cancellationToken);
}
