using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>
/// Everything needed to resume a Discord session on a new connection, in this process or another: what
/// <see cref="GatewaySession.DetachAsync"/> returns and <see cref="GatewaySessionOptions.ResumeFrom"/> takes.
/// Holds no secret: the token comes from the options of the session that resumes.
/// </summary>
/// <param name="SessionId">The <c>session_id</c> from READY.</param>
/// <param name="Sequence">
/// The last sequence number whose event was handled; the gateway replays every event after it, so nothing is lost
/// and nothing is handled twice.
/// </param>
/// <param name="ResumeGatewayUrl">The <c>resume_gateway_url</c> from READY.</param>
/// <param name="Shard">The shard the session identified with.</param>
public sealed record GatewayResumeState(string SessionId, long Sequence, Uri ResumeGatewayUrl, ShardInfo? Shard);
