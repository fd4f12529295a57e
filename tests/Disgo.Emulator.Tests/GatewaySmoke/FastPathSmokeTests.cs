using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Disgo.Emulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Disgo.Emulator.Tests.GatewaySmoke;

/// <summary>
/// The fast path (<c>GatewayHub.StreamAsync</c>) on a real socket: every copy arrives, whole and numbered on from the
/// session's sequence. The reader here only finds <c>"s":</c> in each frame, so the figure printed is the emulator's
/// push rate rather than a JSON parser's; it is reported, never asserted.
/// </summary>
public sealed class FastPathSmokeTests(ITestOutputHelper output)
{
    // Several of the hub's 4,096-copy batches, while keeping the test short in a Debug build.
    private const int Copies = 30_000;

    private static readonly byte[] MessageJson = Encoding.UTF8.GetBytes(
        """{"id":"1","channel_id":"2","guild_id":"3","author":{"id":"4","username":"u","discriminator":"0"},"content":"hello","timestamp":"2026-01-01T00:00:00.000000+00:00","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0}""");

    [Fact]
    public async Task Streamed_copies_all_arrive_in_sequence_order_on_one_uncompressed_connection()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 4);
        // One deadline for the whole test: a timer per frame would cost more than the emulator's own work.
        using var deadline = new CancellationTokenSource(RawGatewayClient.SafetyTimeout);
        var cancellation = deadline.Token;
        using var raw = new ClientWebSocket();
        raw.Options.KeepAliveInterval = TimeSpan.Zero;
        await raw.ConnectAsync(new GatewayQuery().ApplyTo(harness.Emulator.GatewayUrl), cancellation);
        var buffer = new byte[64 * 1024];
        await ReceiveTextAsync(raw, buffer, cancellation); // Hello
        var identify = Encoding.UTF8.GetBytes("{\"op\":2,\"d\":{\"token\":\"" + harness.Token
            + "\",\"intents\":513,\"properties\":{\"os\":\"linux\",\"browser\":\"smoke\",\"device\":\"smoke\"}}}");
        await raw.SendAsync(identify, WebSocketMessageType.Text, true, cancellation);
        var sessionId = await ReadSessionIdAsync(raw, buffer, cancellation);
        long last = harness.Emulator.Gateway.Sessions.Single(s => s.SessionId == sessionId).Sequence;
        await DrainUntilSequenceAsync(raw, buffer, last, cancellation);

        var stopwatch = Stopwatch.StartNew();
        var streaming = harness.Emulator.Gateway.StreamAsync(sessionId, "MESSAGE_CREATE", MessageJson, Copies, cancellation);
        for (var i = 1; i <= Copies; i++)
        {
            var length = await ReceiveTextAsync(raw, buffer, cancellation);
            if (SequenceOf(buffer.AsSpan(0, length)) != last + i)
                Assert.Fail($"Copy {i} should have s={last + i}: {Encoding.UTF8.GetString(buffer, 0, Math.Min(length, 80))}");
        }

        stopwatch.Stop();
        Assert.Equal(Copies, await streaming.WaitAsync(RawGatewayClient.SafetyTimeout));
        output.WriteLine($"{Copies:N0} dispatches in {stopwatch.Elapsed.TotalMilliseconds:N0} ms: {Copies / stopwatch.Elapsed.TotalSeconds:N0} events/s on one connection.");
    }

    private static async Task<string> ReadSessionIdAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellation)
    {
        var length = await ReceiveTextAsync(socket, buffer, cancellation);
        using var ready = System.Text.Json.JsonDocument.Parse(buffer.AsMemory(0, length));
        Assert.Equal("READY", ready.RootElement.GetProperty("t").GetString());
        return ready.RootElement.GetProperty("d").GetProperty("session_id").GetString()!;
    }

    private static async Task DrainUntilSequenceAsync(ClientWebSocket socket, byte[] buffer, long sequence, CancellationToken cancellation)
    {
        while (true)
        {
            var length = await ReceiveTextAsync(socket, buffer, cancellation);
            if (SequenceOf(buffer.AsSpan(0, length)) == sequence)
                return;
        }
    }

    private static async Task<int> ReceiveTextAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellation)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
            if (result.MessageType != WebSocketMessageType.Text)
                Assert.Fail($"Expected a text frame, got {result.MessageType}.");
            length += result.Count;
        }
        while (!result.EndOfMessage);
        return length;
    }

    private static long SequenceOf(ReadOnlySpan<byte> frame)
    {
        var at = frame.IndexOf("\"s\":"u8);
        if (at < 0 || !Utf8Parser.TryParse(frame[(at + 4)..], out long sequence, out _))
            return -1;
        return sequence;
    }
}
