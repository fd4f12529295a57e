using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>A shard of a set, the session that runs it and the dispatcher between that session and the bot.</summary>
internal sealed record ShardMember(ShardInfo Shard, GatewaySession Session, ShardDispatcher Dispatcher);
