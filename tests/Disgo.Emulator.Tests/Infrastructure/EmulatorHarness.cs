using Microsoft.Extensions.Time.Testing;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// One emulator for one test, on a free loopback port and on virtual time: nothing in the emulator moves unless the
/// test calls <see cref="Advance"/>. Tracks the raw clients it opened and disposes them with the emulator.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    /// <summary>
    /// GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT: guild and DM dispatches with message content, the
    /// one privileged intent every emulator option allows by default.
    /// </summary>
    public const long DefaultIntents = Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages | Intent.MessageContent;

    private readonly List<RawGatewayClient> _clients = [];

    private EmulatorHarness(DiscordEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
    }

    public DiscordEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public EmulatorOptions Options => Emulator.Options;

    public string Token => Options.Token;

    /// <summary>Starts an emulator with a small world (24 guilds) unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { Port = 0, GuildCount = 24, TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await DiscordEmulator.StartAsync(options).WaitAsync(RawGatewayClient.SafetyTimeout);
        return new EmulatorHarness(emulator, time);
    }

    /// <summary>Moves the emulator's clock; timers due in between fire before this returns.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public Task<RawGatewayClient> ConnectAsync(GatewayCompression compression = GatewayCompression.None) =>
        ConnectAsync(Emulator.GatewayUrl, new GatewayQuery(Compression: compression));

    /// <summary>Connects to <paramref name="url"/> (the gateway or a resume URL) with <c>v=10&amp;encoding=json</c>.</summary>
    public Task<RawGatewayClient> ConnectAsync(Uri url) => ConnectAsync(url, GatewayQuery.Default);

    public async Task<RawGatewayClient> ConnectAsync(Uri url, GatewayQuery query)
    {
        var client = await RawGatewayClient.ConnectAsync(url, query);
        lock (_clients)
            _clients.Add(client);
        return client;
    }

    /// <summary>Connects and reads Hello, which Discord sends first on every connection.</summary>
    public async Task<(RawGatewayClient Client, GatewayPayload Hello)> ConnectAndHelloAsync(GatewayCompression compression = GatewayCompression.None)
    {
        var client = await ConnectAsync(compression);
        var hello = await client.ReceiveAsync();
        Assert.Equal(Opcode.Hello, hello.Op);
        return (client, hello);
    }

    /// <summary>
    /// Hello, Identify, READY, then (unless told not to) every GUILD_CREATE of the shard, counted with Discord's
    /// routing formula over the world's guild ids.
    /// </summary>
    public async Task<IdentifiedSession> IdentifyAsync(
        int[]? shard = null,
        long intents = DefaultIntents,
        GatewayCompression compression = GatewayCompression.None,
        bool awaitGuildCreates = true)
    {
        var (client, _) = await ConnectAndHelloAsync(compression);
        await client.SendIdentifyAsync(Token, intents, shard);
        var ready = await client.ReceiveAsync();
        Assert.True(ready.IsDispatch("READY"), $"Expected READY after Identify, got {ready}");
        var session = new IdentifiedSession(client, ready, shard is null ? null : (shard[0], shard[1]));
        if (awaitGuildCreates)
        {
            var expected = GuildIdsFor(session.Shard).Count;
            while (session.GuildCreates.Count < expected)
                session.GuildCreates.Add(await client.ReceiveDispatchAsync("GUILD_CREATE"));
        }

        return session;
    }

    /// <summary>Opens a connection to <paramref name="session"/>'s resume URL and sends Resume with <paramref name="sequence"/>.</summary>
    public async Task<RawGatewayClient> ResumeAsync(IdentifiedSession session, int sequence, GatewayCompression compression = GatewayCompression.None)
    {
        var client = await ConnectAsync(session.ResumeGatewayUrl, new GatewayQuery(Compression: compression));
        var hello = await client.ReceiveAsync();
        Assert.Equal(Opcode.Hello, hello.Op);
        await client.SendResumeAsync(Token, session.SessionId, sequence);
        return client;
    }

    /// <summary>The world's guild ids that Discord's formula routes to <paramref name="shard"/> (all of them without a shard).</summary>
    public HashSet<ulong> GuildIdsFor((int Id, int Count)? shard)
    {
        var ids = new HashSet<ulong>();
        foreach (var guild in Emulator.World.Guilds)
        {
            if (shard is not { } s || Sharding.ShardOf(guild.Id, s.Count) == s.Id)
                ids.Add(guild.Id);
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        RawGatewayClient[] clients;
        lock (_clients)
            clients = [.. _clients];
        foreach (var client in clients)
            await client.DisposeAsync();
        await Emulator.DisposeAsync().AsTask().WaitAsync(RawGatewayClient.SafetyTimeout);
    }
}
