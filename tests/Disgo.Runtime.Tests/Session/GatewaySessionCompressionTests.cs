using Disgo.Gateway.Compression;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

public sealed class GatewaySessionCompressionTests
{
    [Theory]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    [InlineData(GatewayCompression.None)]
    public async Task Every_transport_compression_delivers_READY_GUILD_CREATEs_and_live_events_and_survives_a_resume(GatewayCompression compression)
    {
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 3);
        // MESSAGE_CONTENT: the check below reads the content, which sessions without it receive empty.
        var probe = await harness.StartSessionAsync(o =>
        {
            o.Compression = compression;
            o.Intents |= GatewayIntents.MessageContent;
        });
        harness.EmitMessage("before");
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("MESSAGE_CREATE") == 1, "the first message arrived");

        // A resume needs a fresh decompression context on the new connection.
        harness.Emulator.Gateway.Inject(new Disgo.Emulator.Gateway.GatewayFault.Reconnect());
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("RESUMED") == 1, "the session resumed");
        harness.EmitMessage("after");
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("MESSAGE_CREATE") == 2, "the second message arrived");

        Assert.Equal(3, probe.Dispatcher.Count("GUILD_CREATE"));
        Assert.Contains(probe.Dispatcher.Delivered, d => d.EventName == "MESSAGE_CREATE" && d.Data.Contains("\"content\":\"after\"", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, probe.Dispatcher.Sequences.Count).Select(s => (long)s), probe.Dispatcher.Sequences);
        Assert.Empty(harness.Observations.Violations);
    }
}
