namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>A connection that identified: its READY and the GUILD_CREATEs that followed.</summary>
public sealed class IdentifiedSession(RawGatewayClient client, GatewayPayload ready, (int Id, int Count)? shard)
{
    public RawGatewayClient Client { get; } = client;

    public GatewayPayload Ready { get; } = ready;

    public (int Id, int Count)? Shard { get; } = shard;

    public string SessionId { get; } = ready.D.GetProperty("session_id").GetString()!;

    public Uri ResumeGatewayUrl { get; } = new(ready.D.GetProperty("resume_gateway_url").GetString()!);

    public List<GatewayPayload> GuildCreates { get; } = [];
}
