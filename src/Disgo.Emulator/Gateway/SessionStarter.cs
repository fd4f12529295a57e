namespace Disgo.Emulator.Gateway;

/// <summary>
/// Turns an Identify that passed <see cref="IdentifyRules"/> into a session: identify concurrency and the session
/// start budget, then READY (<c>s=1</c>) and one GUILD_CREATE per guild of the shard, queued before any live event
/// routed to the new session can be numbered.
/// </summary>
internal sealed class SessionStarter(EmulatorServices services, SessionRegistry registry, IdentifyLimiter limiter)
{
    public IdentifyAdmission TryStart(GatewayConnection connection, IdentifyPayload identify, int apiVersion, DateTimeOffset now, out EmulatedSession? session, out string detail)
    {
        session = null;
        var admission = limiter.TryAdmit(identify.Shard?.ShardId ?? 0, now, out detail);
        if (admission != IdentifyAdmission.Admitted)
            return admission;

        session = registry.Create(identify.Shard, identify.Intents, identify.LargeThreshold);
        // Recorded before READY is queued, so a client that has READY finds its connection by session id.
        connection.Record.SessionId = session.Id;
        connection.Record.Shard = session.Shard;
        session.Open(connection, registry.Publish, opening =>
        {
            var world = services.World;
            opening.Dispatch(ReadyWriter.Write(opening, world, services.Options, services.Emulator.ResumeGatewayUrl, apiVersion));
            if (!GatewayIntents.Receives(opening.Intents, GatewayIntents.Guilds))
                return;
            using var guildCreate = new GuildCreateWriter(opening);
            foreach (var guild in world.GuildsForShard(opening.ShardId, opening.NumShards))
                opening.Dispatch(guildCreate.Write(guild));
        });
        return IdentifyAdmission.Admitted;
    }
}
