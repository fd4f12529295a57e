using System.Net.WebSockets;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// Transport compression (gateway.mdx "Encoding and Compression"): one zlib or zstd context per connection covering
/// every server message; zlib messages end with a sync flush, zstd messages flush without ending the frame.
/// </summary>
public sealed class TransportCompressionTests
{
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    private static ReadOnlySpan<byte> SyncFlushMarker => [0x00, 0x00, 0xFF, 0xFF];

    [Theory]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    public async Task Hello_ready_and_every_guild_create_decode_through_one_context(GatewayCompression compression)
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 40);

        var session = await harness.IdentifyAsync(compression: compression);
        await session.Client.HeartbeatAsync();

        Assert.Equal(Opcode.Hello, session.Client.History[0].Op);
        Assert.Equal(harness.GuildIdsFor(null), session.GuildCreates.Select(g => g.D.GetSnowflake("id")).ToHashSet());
        Assert.Equal(Enumerable.Range(1, 41), session.Client.History.Where(p => p.S.HasValue).Select(p => p.S!.Value));
    }

    [Theory]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    public async Task Compressed_messages_arrive_in_binary_frames(GatewayCompression compression)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(compression);

        var hello = await client.ReceiveMessageAsync();
        await client.SendHeartbeatAsync(null);
        var ack = await client.ReceiveMessageAsync();

        Assert.Equal(WebSocketMessageType.Binary, hello.FrameType);
        Assert.Equal(WebSocketMessageType.Binary, ack.FrameType);
        Assert.Equal(Opcode.HeartbeatAck, ack.Payload!.Op);
    }

    [Fact]
    public async Task Uncompressed_json_arrives_in_text_frames()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync();

        var hello = await client.ReceiveMessageAsync();

        Assert.Equal(WebSocketMessageType.Text, hello.FrameType);
    }

    [Fact]
    public async Task Every_zlib_stream_message_ends_with_the_sync_flush_marker()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(GatewayCompression.ZlibStream);

        var hello = await client.ReceiveMessageAsync();
        await client.SendHeartbeatAsync(null);
        var ack = await client.ReceiveMessageAsync();

        // The connection's first message opens the zlib stream with its header (CMF 0x78: deflate, 32 KiB window).
        Assert.Equal(0x78, hello.Wire[0]);
        Assert.True(hello.Wire.AsSpan().EndsWith(SyncFlushMarker));
        Assert.True(ack.Wire.AsSpan().EndsWith(SyncFlushMarker));
    }

    [Fact]
    public async Task Zstd_stream_keeps_one_frame_open_across_messages()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 5);
        var client = await harness.ConnectAsync(GatewayCompression.ZstdStream);

        var hello = await client.ReceiveMessageAsync();
        await client.SendHeartbeatAsync(null);
        var ack = await client.ReceiveMessageAsync();
        await client.SendHeartbeatAsync(null);
        var secondAck = await client.ReceiveMessageAsync();

        Assert.True(hello.Wire.AsSpan().StartsWith(ZstdMagic), "the first message starts the connection's zstd frame");
        Assert.False(ack.Wire.AsSpan().StartsWith(ZstdMagic), "a later message must continue the frame, not start a new one");
        Assert.False(secondAck.Wire.AsSpan().StartsWith(ZstdMagic));
        Assert.Equal(Opcode.HeartbeatAck, secondAck.Payload!.Op);
    }

    [Theory]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    public async Task A_resumed_connection_starts_its_own_compression_context(GatewayCompression compression)
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 5);
        var session = await harness.IdentifyAsync(compression: compression);
        await session.Client.CloseAsync(4000);

        var resumed = await harness.ResumeAsync(session, sequence: 2, compression);
        var replay = await resumed.CollectUntilAsync(p => p.IsDispatch("RESUMED"));

        Assert.Equal(Enumerable.Range(3, 4), replay.Where(p => p.IsDispatch("GUILD_CREATE")).Select(p => p.S!.Value));
    }

    [Fact]
    public async Task Compressed_and_plain_connections_work_side_by_side()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.GuildCount = 10;
            o.HeartbeatInterval = TimeSpan.FromHours(1);
        });
        var zlib = await harness.IdentifyAsync(shard: [0, 3], compression: GatewayCompression.ZlibStream);
        harness.Advance(harness.Options.IdentifyWindow);
        var zstd = await harness.IdentifyAsync(shard: [1, 3], compression: GatewayCompression.ZstdStream);
        harness.Advance(harness.Options.IdentifyWindow);
        var plain = await harness.IdentifyAsync(shard: [2, 3]);

        foreach (var guild in harness.Emulator.World.Guilds)
            harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "x"), guild.Id);

        foreach (var session in new[] { zlib, zstd, plain })
        {
            await session.Client.SendHeartbeatAsync();
            var received = await session.Client.CollectUntilAsync(p => p.Op == Opcode.HeartbeatAck);
            Assert.Equal(harness.GuildIdsFor(session.Shard), received.Where(p => p.IsDispatch("MESSAGE_CREATE")).Select(p => p.D.GetSnowflake("guild_id")).ToHashSet());
        }
    }
}
