using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// The benchmark fast path (<c>GatewayHub.StreamAsync</c>): pre-encoded copies of one dispatch must still be real
/// gateway traffic, numbered in the session's sequence and compressed like everything else on the connection.
/// </summary>
public sealed class DispatchStreamingTests
{
    [Theory]
    [InlineData(GatewayCompression.None)]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    public async Task Streamed_dispatches_arrive_whole_and_consecutively_numbered(GatewayCompression compression)
    {
        const int Count = 500;
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 4);
        var session = await harness.IdentifyAsync(compression: compression);
        var first = session.Client.LastSequence!.Value + 1;
        var guild = harness.Emulator.World.Guilds[0];

        // Read while it streams: the stream may be far larger than the socket buffers.
        var streaming = harness.Emulator.Gateway.StreamAsync(session.SessionId, "MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "streamed"), Count);
        for (var i = 0; i < Count; i++)
        {
            var payload = await session.Client.ReceiveAsync();
            Assert.True(payload.IsDispatch("MESSAGE_CREATE"), $"Expected MESSAGE_CREATE, got {payload}");
            Assert.Equal(first + i, payload.S);
            Assert.Equal("streamed", payload.D.GetProperty("content").GetString());
        }

        Assert.Equal(Count, await streaming.WaitAsync(RawGatewayClient.SafetyTimeout));

        // The session's own numbering continues after the stream.
        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "after"), guild.Id);
        Assert.Equal(first + Count, (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).S);
    }
}
