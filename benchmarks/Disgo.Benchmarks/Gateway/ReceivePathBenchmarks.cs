using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Transport;
using Disgo.Models;
using Disgo.Serialization;

namespace Disgo.Benchmarks.Gateway;

/// <summary>
/// One ~1 KB MESSAGE_CREATE per operation, from its zlib-stream frame to the dispatcher, against the floor every
/// client pays: inflating the same frame and reading its JSON tokens once. The frames come from one deflate context
/// with a sync flush per payload, as on a real connection, so every operation continues the same inflate stream.
/// </summary>
/// <remarks>
/// After the last prepared frame both paths start a fresh stream (a reconnect); that allocation is spread over
/// <see cref="FrameCount"/> operations and shows as well under one byte per operation.
/// </remarks>
[MemoryDiagnoser]
public class ReceivePathBenchmarks
{
    private const int FrameCount = 65_536;

    private readonly MessageCreateDispatcher _handling = new(DisgoJsonContext.Default.Message);
    private readonly MessageCreateDispatcher _handlingWithPlainMetadata = new(PlainMetadataContext.Default.Message);
    private readonly OtherEventsDispatcher _notHandling = new();
    private readonly PooledBufferWriter _payload = new();
    private readonly SequenceTracker _sequences = new();
    private readonly InflateInput _baselineInput = new();
    private readonly byte[] _baselineOutput = new byte[64 * 1024];
    private byte[][] _frames = [];
    private ZlibStreamDecompressor _decompressor = null!;
    private ZlibStreamDecompressor _systemZlibDecompressor = null!;
    private ZlibStreamDecompressor _frameworkDecompressor = null!;
    private ZLibStream _baselineInflater = null!;
    private int _next;
    private int _systemZlibNext;
    private int _frameworkNext;
    private int _baselineNext;

    [GlobalSetup]
    public void Setup()
    {
        using var compressed = new MemoryStream();
        using var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true);
        _frames = new byte[FrameCount][];
        for (var sequence = 1; sequence <= FrameCount; sequence++)
        {
            deflate.Write(MessageCreatePayloads.Create(sequence));
            deflate.Flush();
            _frames[sequence - 1] = compressed.ToArray();
            compressed.SetLength(0);
        }

        _decompressor = new ZlibStreamDecompressor();
        _systemZlibDecompressor = new ZlibStreamDecompressor(GatewayDecompressor.DefaultMaxPayloadLength, ZlibInflaterKind.SystemZlib);
        _frameworkDecompressor = new ZlibStreamDecompressor(GatewayDecompressor.DefaultMaxPayloadLength, ZlibInflaterKind.ZLibStream);
        _baselineInflater = new ZLibStream(_baselineInput, CompressionMode.Decompress, leaveOpen: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _decompressor.Dispose();
        _systemZlibDecompressor.Dispose();
        _frameworkDecompressor.Dispose();
        _baselineInflater.Dispose();
        _payload.Dispose();
    }

    [Benchmark(Baseline = true, Description = "inflate + Utf8JsonReader (baseline)")]
    public int InflateAndReadTokens()
    {
        if (_baselineNext == FrameCount)
        {
            _baselineNext = 0;
            _baselineInflater.Dispose();
            _baselineInflater = new ZLibStream(_baselineInput, CompressionMode.Decompress, leaveOpen: true);
        }

        _baselineInput.Set(_frames[_baselineNext++]);
        var length = 0;
        int read;
        while ((read = _baselineInflater.Read(_baselineOutput.AsSpan(length))) > 0)
        {
            length += read;
        }

        var reader = new Utf8JsonReader(_baselineOutput.AsSpan(0, length));
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Through the default inflater: <see cref="ZlibStreamDecompressor.Inflater"/>, the runtime's zlib-ng here.</summary>
    [Benchmark(Description = "frame -> dispatcher, unhandled event")]
    public long UnhandledEvent() => Receive(_notHandling, _decompressor, ref _next);

    /// <summary>The same through the machine's zlib, the inflater used under NativeAOT.</summary>
    [Benchmark(Description = "frame -> dispatcher, unhandled event (system zlib inflater)")]
    public long UnhandledEventThroughSystemZlib() => Receive(_notHandling, _systemZlibDecompressor, ref _systemZlibNext);

    /// <summary>The same through the framework's ZLibStream, the inflater used where no native zlib can be called.</summary>
    [Benchmark(Description = "frame -> dispatcher, unhandled event (ZLibStream inflater)")]
    public long UnhandledEventThroughZLibStream() => Receive(_notHandling, _frameworkDecompressor, ref _frameworkNext);

    [Benchmark(Description = "frame -> dispatcher, handled event (Message through DisgoJsonContext)")]
    public long HandledEvent() => Receive(_handling, _decompressor, ref _next) + _handling.LastContentLength;

    [Benchmark(Description = "frame -> dispatcher, handled event (Message through plain source-generated metadata)")]
    public long HandledEventWithPlainMetadata() =>
        Receive(_handlingWithPlainMetadata, _decompressor, ref _next) + _handlingWithPlainMetadata.LastContentLength;

    /// <summary>What a session's receive loop does with one message, minus the socket and the queue hop.</summary>
    private long Receive(IGatewayDispatcher dispatcher, ZlibStreamDecompressor decompressor, ref int next)
    {
        if (next == FrameCount)
        {
            next = 0;
            decompressor.Reset();
            _sequences.Reset();
        }

        if (!decompressor.TryDecompress(_frames[next++], _payload))
        {
            throw new InvalidOperationException("Every prepared frame holds a whole payload.");
        }

        var payload = _payload.WrittenMemory;
        var envelope = GatewayEnvelope.Read(payload.Span);
        if (envelope.Opcode == 0
            && envelope.Sequence is { } sequence
            && _sequences.TryAdmit(sequence, out _)
            && dispatcher.Handles(payload.Span[envelope.EventName]))
        {
            var dispatch = envelope.ToDispatch(payload, shardId: 0, sessionId: null);
            var delivery = dispatcher.DispatchAsync(dispatch, CancellationToken.None);
            if (!delivery.IsCompletedSuccessfully)
            {
                delivery.AsTask().GetAwaiter().GetResult();
            }
        }

        _payload.Release();
        return envelope.Sequence ?? 0;
    }

    /// <summary>A dispatcher for a bot that handles a few events, MESSAGE_CREATE not among them.</summary>
    private sealed class OtherEventsDispatcher : IGatewayDispatcher
    {
        public bool Handles(ReadOnlySpan<byte> eventName) =>
            eventName.SequenceEqual("READY"u8)
            || eventName.SequenceEqual("GUILD_CREATE"u8)
            || eventName.SequenceEqual("INTERACTION_CREATE"u8);

        public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) => default;
    }

    /// <summary>What the generated dispatcher does for one MESSAGE_CREATE handler: deserialize, then call it.</summary>
    private sealed class MessageCreateDispatcher(JsonTypeInfo<Message> messageTypeInfo) : IGatewayDispatcher
    {
        public int LastContentLength { get; private set; }

        public bool Handles(ReadOnlySpan<byte> eventName) =>
            eventName.SequenceEqual("READY"u8) || eventName.SequenceEqual("MESSAGE_CREATE"u8);

        public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
        {
            if (dispatch.EventName.Span.SequenceEqual("MESSAGE_CREATE"u8))
            {
                return OnMessage(dispatch.Deserialize(messageTypeInfo));
            }

            return default;
        }

        private ValueTask OnMessage(Message message)
        {
            LastContentLength = message.Content.Length + message.Author.Username.Length;
            return default;
        }
    }
}
