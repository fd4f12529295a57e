using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Disgo.Emulator;
using Disgo.Emulator.Events;
using Disgo.Gateway.Compression;

namespace Disgo.Benchmarks.Emulator;

/// <summary>
/// How fast the emulator pushes events down one gateway connection: <see cref="Disgo.Emulator.Gateway.GatewayHub.StreamAsync"/>
/// sends pre-encoded ~1 KB MESSAGE_CREATE dispatches while a raw <see cref="ClientWebSocket"/> drains the socket as fast
/// as it can (no decompression or parsing), and an invocation ends when the client has received every event.
/// One operation is one delivered event, so the reported time per operation inverts to events per second.
/// </summary>
[MemoryDiagnoser]
public class EmulatorPushBenchmarks
{
    private const int EventsPerInvoke = 100_000;

    private DiscordEmulator _emulator = null!;
    private ClientWebSocket _socket = null!;
    private string _sessionId = null!;
    private byte[] _messageCreate = null!;
    private Task _drain = null!;
    private CancellationTokenSource _stop = null!;
    private long _received;
    private long _target;
    private TaskCompletionSource _reachedTarget = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Params("none", "zlib-stream")]
    public string Compression { get; set; } = "none";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // A heartbeat interval longer than the run: the benchmark client never heartbeats and must not be closed for it.
        _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Port = 0, GuildCount = 10, HeartbeatInterval = TimeSpan.FromHours(1) });
        _messageCreate = SampleMessageCreate(_emulator);
        _socket = new ClientWebSocket();
        var query = Compression == "none" ? "?v=10&encoding=json" : $"?v=10&encoding=json&compress={Compression}";
        await _socket.ConnectAsync(new Uri(_emulator.GatewayUrl + query), CancellationToken.None);
        _sessionId = await IdentifyAsync();
        _stop = new CancellationTokenSource();
        _drain = Task.Run(() => DrainAsync(_stop.Token));
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task PushMessageCreate()
    {
        _reachedTarget = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Interlocked.Read(ref _received) + EventsPerInvoke);
        await _emulator.Gateway.StreamAsync(_sessionId, "MESSAGE_CREATE", _messageCreate, EventsPerInvoke);
        await _reachedTarget.Task;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _drain.ContinueWith(static _ => { }, TaskScheduler.Default);
        _socket.Dispose();
        await _emulator.DisposeAsync();
        _stop.Dispose();
    }

    // Counts whole WebSocket messages: with zlib-stream every payload still ends its own message (a sync flush).
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            if (result.EndOfMessage && Interlocked.Increment(ref _received) == Volatile.Read(ref _target))
                _reachedTarget.TrySetResult();
        }
    }

    private async Task<string> IdentifyAsync()
    {
        using var inflater = Compression == "zlib-stream" ? new ZlibStreamDecompressor() : null;
        await ReceivePayloadAsync(inflater); // Hello
        var identify = $$$$"""{"op":2,"d":{"token":"{{{{_emulator.Options.Token}}}}","intents":513,"properties":{"os":"linux","browser":"disgo-benchmark","device":"disgo-benchmark"}}}""";
        await _socket.SendAsync(Encoding.UTF8.GetBytes(identify), WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            using var payload = JsonDocument.Parse(await ReceivePayloadAsync(inflater));
            var root = payload.RootElement;
            if (root.GetProperty("op").GetInt32() == 0 && root.GetProperty("t").GetString() == "READY")
                return root.GetProperty("d").GetProperty("session_id").GetString()!;
            if (root.GetProperty("op").GetInt32() != 0)
                throw new InvalidOperationException($"Identify was answered with {root.GetRawText()}");
        }
    }

    private async Task<byte[]> ReceivePayloadAsync(ZlibStreamDecompressor? inflater)
    {
        var message = new ArrayBufferWriter<byte>();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(message.GetMemory(16 * 1024), CancellationToken.None);
            message.Advance(result.Count);
        }
        while (!result.EndOfMessage);
        if (inflater is null)
            return message.WrittenSpan.ToArray();

        var payload = new ArrayBufferWriter<byte>();
        if (!inflater.TryDecompress(message.WrittenMemory, payload))
            throw new InvalidOperationException("A whole gateway message did not end with the sync-flush marker.");
        return payload.WrittenSpan.ToArray();
    }

    private static byte[] SampleMessageCreate(DiscordEmulator emulator)
    {
        var guild = emulator.World.Guilds[0];
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            GuildEventWriter.WriteMessageCreate(
                writer, guild, 0, 1, emulator.World.NextId(), "Has anyone else noticed the new update changed how the inventory sorts items?", DateTimeOffset.UtcNow);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
