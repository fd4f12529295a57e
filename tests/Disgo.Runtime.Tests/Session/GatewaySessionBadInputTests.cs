using System.Net.WebSockets;
using System.Text;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Runtime.Tests.Gateway.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Session;

/// <summary>
/// What a real gateway never sends, played by a scripted server: the session logs it, recycles the connection when
/// it cannot trust it, resumes, and loses or repeats nothing.
/// </summary>
public sealed class GatewaySessionBadInputTests
{
    private const string Token = "scripted-token";
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();

    [Fact]
    public async Task Unknown_events_reach_the_dispatcher_on_the_same_connection()
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, _) =>
        {
            await connection.SendHelloAsync();
            await connection.ExpectAsync((int)GatewayOpcode.Identify);
            await connection.SendReadyAsync("s1");
            await connection.SendDispatchAsync("BRAND_NEW_EVENT", 2, """{"shiny":true}""");
            await connection.SendDispatchAsync("TYPING_START", 3);
        });
        var (session, dispatcher) = Create(gateway);
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.Count == 3, "three events arrived");

        Assert.Equal([1L, 2, 3], dispatcher.Sequences);
        Assert.Equal(("BRAND_NEW_EVENT", """{"shiny":true}"""), dispatcher.Delivered.Select(d => (d.EventName, d.Data)).ElementAt(1));
        Assert.Single(gateway.Connections);
        Assert.True(session.IsHealthy);
        Assert.Empty(gateway.ScriptFailures);
    }

    [Fact]
    public async Task An_unknown_opcode_recycles_the_connection_and_the_resume_loses_and_repeats_nothing()
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            await connection.SendHelloAsync();
            if (index == 0)
            {
                await connection.ExpectAsync((int)GatewayOpcode.Identify);
                await connection.SendReadyAsync("s1");
                await connection.SendDispatchAsync("MESSAGE_CREATE", 2);
                await connection.SendAsync("""{"t":null,"s":null,"op":99,"d":{"something":"new"}}""");
                await connection.SendDispatchAsync("MESSAGE_CREATE", 3);
                return;
            }

            var resume = await connection.ExpectAsync((int)GatewayOpcode.Resume);
            Assert.Equal(("s1", 2), (resume.GetProperty("session_id").GetString(), resume.GetProperty("seq").GetInt64()));
            await connection.SendDispatchAsync("MESSAGE_CREATE", 3);
            await connection.SendDispatchAsync("RESUMED", 4);
        });
        var (session, dispatcher) = Create(gateway);
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.LastOrDefault() == 4, "the session resumed");

        Assert.Equal([1L, 2, 3, 4], dispatcher.Sequences);
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("opcode 99", error.Exception!.Message, StringComparison.Ordinal);
        Assert.True(session.IsHealthy);
        Assert.Empty(gateway.ScriptFailures);
    }

    [Fact]
    public async Task Events_a_resume_replays_again_are_dropped_so_every_sequence_is_dispatched_once()
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            await connection.SendHelloAsync();
            if (index == 0)
            {
                await connection.ExpectAsync((int)GatewayOpcode.Identify);
                await connection.SendReadyAsync("s1");
                await connection.SendDispatchAsync("MESSAGE_CREATE", 2);
                await connection.SendDispatchAsync("MESSAGE_CREATE", 3);
                await connection.SendAsync("""{"t":null,"s":null,"op":7,"d":null}""");
                return;
            }

            var resume = await connection.ExpectAsync((int)GatewayOpcode.Resume);
            Assert.Equal(("s1", 3), (resume.GetProperty("session_id").GetString(), resume.GetProperty("seq").GetInt64()));
            // An over-eager replay: everything from the start, then what is really new.
            await connection.SendDispatchAsync("MESSAGE_CREATE", 2);
            await connection.SendDispatchAsync("MESSAGE_CREATE", 3);
            await connection.SendDispatchAsync("MESSAGE_CREATE", 4);
            await connection.SendDispatchAsync("RESUMED", 5);
            await connection.SendDispatchAsync("MESSAGE_CREATE", 3);
            await connection.SendDispatchAsync("MESSAGE_CREATE", 6);
        });
        var (session, dispatcher) = Create(gateway);
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.LastOrDefault() == 6, "the last event arrived");

        Assert.Equal([1L, 2, 3, 4, 5, 6], dispatcher.Sequences);
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        Assert.Equal("/resume", gateway.Connection(1).Path);
        Assert.Empty(gateway.ScriptFailures);
    }

    [Theory]
    [InlineData("""{"t":"MESSAGE_CREATE","s":null,"op":0,"d":{}}""", "no sequence number")]
    [InlineData("""{"t":"MESSAGE_CREATE","s":"2","op":0,"d":{}}""", "\"s\"")]
    [InlineData("""{"t":null,"s":null,"op":9,"d":"maybe"}""", "neither true nor false")]
    [InlineData("""{"t":null,"s":null,"op":11,"d":null""", "not valid JSON")]
    public async Task A_payload_that_cannot_be_decoded_recycles_the_connection_and_the_session_resumes(string payload, string logged)
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            await connection.SendHelloAsync();
            if (index == 0)
            {
                await connection.ExpectAsync((int)GatewayOpcode.Identify);
                await connection.SendReadyAsync("s1");
                await connection.SendAsync(payload);
                return;
            }

            await connection.ExpectAsync((int)GatewayOpcode.Resume);
            await connection.SendDispatchAsync("RESUMED", 2);
        });
        var (session, dispatcher) = Create(gateway);
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.LastOrDefault() == 2, "the session resumed");

        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("cannot be decoded", error.Message, StringComparison.Ordinal);
        Assert.Contains(logged, error.Exception!.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2], dispatcher.Sequences);
        Assert.Empty(gateway.ScriptFailures);
    }

    [Theory]
    [InlineData(GatewayCompression.ZlibStream, false)]
    [InlineData(GatewayCompression.ZlibStream, true)]
    [InlineData(GatewayCompression.ZstdStream, false)]
    [InlineData(GatewayCompression.ZstdStream, true)]
    public async Task Corrupt_or_truncated_compressed_data_recycles_the_connection_and_the_new_one_gets_a_fresh_context(
        GatewayCompression compression, bool truncated)
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            using var zlib = new ZlibStreamCompressor();
            using var zstd = new ZstdStreamCompressor();
            byte[] Compress(string json) => compression == GatewayCompression.ZlibStream
                ? zlib.Compress(Encoding.UTF8.GetBytes(json))
                : zstd.Compress(Encoding.UTF8.GetBytes(json));
            Task Send(byte[] message) => connection.SendAsync(message, WebSocketMessageType.Binary);
            await Send(Compress("""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250}}"""));
            if (index == 0)
            {
                await connection.ExpectAsync((int)GatewayOpcode.Identify);
                await Send(Compress($$$$"""{"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1","username":"bot"},"guilds":[],"session_id":"s1","resume_gateway_url":"{{{{connection.ResumeUrl}}}}","application":{"id":"1","flags":0}}}"""));
                await Send(Compress("""{"t":"MESSAGE_CREATE","s":2,"op":0,"d":{}}"""));
                if (truncated)
                {
                    // Half of a payload, then a whole one: what follows the cut no longer decodes to the JSON sent. Here d
                    // comes first, so the envelope reader walks through the damage to find s and t.
                    var cut = Compress("""{"op":0,"d":{"content":"a message cut short by a broken proxy, long enough to cut in the middle"},"s":3,"t":"MESSAGE_CREATE"}""");
                    await Send(cut[..(cut.Length / 2)]);
                    await Send(Compress("""{"t":"MESSAGE_CREATE","s":4,"op":0,"d":{}}"""));
                }
                else
                {
                    await Send([0x12, 0x34, 0x56, 0x78, 0x9A, 0x00, 0x00, 0xFF, 0xFF]);
                }

                return;
            }

            var resume = await connection.ExpectAsync((int)GatewayOpcode.Resume);
            Assert.Equal(2, resume.GetProperty("seq").GetInt64());
            await Send(Compress("""{"t":"MESSAGE_CREATE","s":3,"op":0,"d":{}}"""));
            await Send(Compress("""{"t":"RESUMED","s":4,"op":0,"d":{}}"""));
        });
        var (session, dispatcher) = Create(gateway, o => o.Compression = compression);
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.LastOrDefault() == 4, "the session resumed");

        Assert.Equal([1L, 2, 3, 4], dispatcher.Sequences);
        Assert.Contains(compression == GatewayCompression.ZlibStream ? "compress=zlib-stream" : "compress=zstd-stream", gateway.Connection(1).Query, StringComparison.Ordinal);
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception is Disgo.Gateway.GatewayDecodeException);
        Assert.Empty(gateway.ScriptFailures);
    }

    [Fact]
    public async Task READY_with_wrong_types_recycles_the_connection_and_identifies_again()
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            await connection.SendHelloAsync();
            await connection.ExpectAsync((int)GatewayOpcode.Identify);
            if (index == 0)
            {
                await connection.SendAsync("""{"t":"READY","s":1,"op":0,"d":{"v":10,"session_id":12345,"resume_gateway_url":"wss://x","guilds":"none"}}""");
                return;
            }

            await connection.SendReadyAsync("s2");
        });
        var (session, dispatcher) = Create(gateway, o => o.IdentifyCoordinator = new Disgo.Gateway.Coordination.InProcessIdentifyCoordinator(TimeSpan.Zero, _time));
        await using var _ = session;

        await session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        await SessionHarness.WaitUntilAsync(() => dispatcher.Sequences.Count == 1, "READY was delivered");

        Assert.Equal("s2", session.SessionId);
        // The READY that could not be read was never admitted, so the dispatcher only saw the good one.
        Assert.Contains("\"session_id\":\"s2\"", Assert.Single(dispatcher.Delivered).Data, StringComparison.Ordinal);
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception!.Message.Contains("READY", StringComparison.Ordinal));
        Assert.Empty(gateway.ScriptFailures);
    }

    [Fact]
    public async Task Op_7_before_Hello_is_honoured_and_a_connection_without_Hello_is_given_up()
    {
        await using var gateway = await ScriptedGateway.StartAsync(async (connection, index) =>
        {
            switch (index)
            {
                case 0:
                    await connection.SendAsync("""{"t":null,"s":null,"op":7,"d":null}""");
                    return;
                case 1:
                    // Silence: no Hello at all.
                    return;
                default:
                    await connection.SendHelloAsync();
                    await connection.ExpectAsync((int)GatewayOpcode.Identify);
                    await connection.SendReadyAsync("s1");
                    return;
            }
        });
        var (session, _) = Create(gateway);
        await using var __ = session;

        var starting = session.StartAsync();
        await SessionHarness.WaitUntilAsync(() => gateway.Connections.Count == 2, "the second connection opened");
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(0).ClientCloseCode);
        var openedAt = _time.GetUtcNow();
        await SessionHarness.PumpUntilAsync(_time, () => gateway.Connection(1).ClientCloseCode is not null, "the silent connection was closed", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(_time.GetUtcNow() - openedAt >= SessionConnection.HelloTimeout);
        // The second failure in a row backs off before the third connection.
        await SessionHarness.PumpUntilAsync(_time, () => starting.IsCompleted, "the third connection is ready", TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        await starting;

        Assert.Equal(3, gateway.Connections.Count);
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, gateway.Connection(1).ClientCloseCode);
        Assert.True(_logs.Contains(LogLevel.Warning, "no Hello"));
        Assert.Empty(gateway.ScriptFailures);
    }

    private (GatewaySession Session, SequenceRecorder Dispatcher) Create(ScriptedGateway gateway, Action<GatewaySessionOptions>? configure = null)
    {
        var options = new GatewaySessionOptions
        {
            Token = Token,
            GatewayUrl = gateway.GatewayUrl,
            Compression = GatewayCompression.None,
            TimeProvider = _time,
            LoggerFactory = _logs,
        };
        configure?.Invoke(options);
        var dispatcher = new SequenceRecorder();
        return (new GatewaySession(options, dispatcher), dispatcher);
    }
}
