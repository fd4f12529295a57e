using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// A gateway client written straight from Discord's documentation with <see cref="ClientWebSocket"/> and its own
/// decoding, independent of Disgo.Runtime, so the emulator is checked against the docs rather than against Disgo.
/// It never heartbeats or reacts on its own: each test decides exactly what goes on the wire.
/// Every wait is bounded by <see cref="SafetyTimeout"/> so a broken emulator fails a test instead of hanging it.
/// </summary>
public sealed class RawGatewayClient : IAsyncDisposable
{
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly TransportDecoder _decoder;
    private readonly Channel<ServerMessage> _inbox = Channel.CreateUnbounded<ServerMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<GatewayPayload> _history = [];
    private readonly Task _receiveLoop;
    private GatewayClosure? _closure;
    private int _lastSequence = -1;

    private RawGatewayClient(Uri url, ClientWebSocket socket, GatewayCompression compression)
    {
        Url = url;
        _socket = socket;
        _decoder = TransportDecoder.For(compression);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public Uri Url { get; }

    /// <summary>How the connection ended; null while it is open.</summary>
    public GatewayClosure? Closure => Volatile.Read(ref _closure);

    /// <summary>The latest <c>s</c> seen, as a client keeps it for heartbeats and Resume; null before the first dispatch.</summary>
    public int? LastSequence => Volatile.Read(ref _lastSequence) is var s and >= 0 ? s : null;

    /// <summary>Every payload the test has taken out of the inbox so far, in arrival order.</summary>
    public IReadOnlyList<GatewayPayload> History => _history;

    /// <summary>Opens a WebSocket to <paramref name="baseUrl"/> with <paramref name="query"/> applied.</summary>
    /// <exception cref="HandshakeRejectedException">The server answered the upgrade with an HTTP error.</exception>
    public static async Task<RawGatewayClient> ConnectAsync(Uri baseUrl, GatewayQuery? query = null)
    {
        query ??= GatewayQuery.Default;
        var url = query.ApplyTo(baseUrl);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        // The gateway has no WebSocket-level pings; keep-alive frames would only add noise to what the server sees.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        try
        {
            await socket.ConnectAsync(url, timeout.Token);
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HandshakeRejectedException(status, ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawGatewayClient(url, socket, query.Compression);
    }

    // ---- receiving ----

    /// <summary>The next whole message, decoded or not.</summary>
    /// <exception cref="GatewayClosedException">The connection ended before another message arrived.</exception>
    public async Task<ServerMessage> ReceiveMessageAsync()
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        try
        {
            if (await _inbox.Reader.WaitToReadAsync(timeout.Token) && _inbox.Reader.TryRead(out var message))
            {
                if (message.Payload is { } payload)
                    _history.Add(payload);
                return message;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived within {SafetyTimeout.TotalSeconds} s. Last payloads: {DescribeRecentHistory()}");
        }

        throw new GatewayClosedException(Closure!);
    }

    /// <summary>The next payload; fails the test if the server sent something that is not a JSON envelope.</summary>
    public async Task<GatewayPayload> ReceiveAsync()
    {
        var message = await ReceiveMessageAsync();
        return message.Payload ?? throw new InvalidDataException(
            $"The server sent a message that is not a gateway payload: {message.TransportError ?? message.DecodedText}");
    }

    /// <summary>Receives until <paramref name="predicate"/> matches and returns the match; earlier payloads stay in <see cref="History"/>.</summary>
    public async Task<GatewayPayload> ReceiveUntilAsync(Func<GatewayPayload, bool> predicate)
    {
        while (true)
        {
            var payload = await ReceiveAsync();
            if (predicate(payload))
                return payload;
        }
    }

    /// <summary>Receives until <paramref name="predicate"/> matches and returns everything received, the match last.</summary>
    public async Task<List<GatewayPayload>> CollectUntilAsync(Func<GatewayPayload, bool> predicate)
    {
        var collected = new List<GatewayPayload>();
        while (true)
        {
            var payload = await ReceiveAsync();
            collected.Add(payload);
            if (predicate(payload))
                return collected;
        }
    }

    public Task<GatewayPayload> ReceiveOpAsync(int op) => ReceiveUntilAsync(p => p.Op == op);

    public Task<GatewayPayload> ReceiveDispatchAsync(string eventName) => ReceiveUntilAsync(p => p.IsDispatch(eventName));

    /// <summary>Receives until the server closes; returns its close code. Fails the test if the connection ended without a close frame.</summary>
    public async Task<int> ExpectCloseAsync()
    {
        var closure = await WaitForEndAsync();
        Assert.False(closure.Abrupt, $"Expected a close frame, but the connection ended abruptly: {closure.Reason}");
        Assert.True(closure.Code.HasValue, "The close frame carried no status code.");
        return closure.Code!.Value;
    }

    /// <summary>Receives until the connection ends; fails the test if it ended with a close frame rather than a dropped TCP connection.</summary>
    public async Task ExpectAbruptEndAsync()
    {
        var closure = await WaitForEndAsync();
        Assert.True(closure.Abrupt, $"Expected the connection to drop without a close frame, but it closed with {closure.Code}.");
    }

    /// <summary>Drains the inbox until the connection ends, keeping payloads in <see cref="History"/>.</summary>
    public async Task<GatewayClosure> WaitForEndAsync()
    {
        while (true)
        {
            try
            {
                await ReceiveMessageAsync();
            }
            catch (GatewayClosedException ex)
            {
                return ex.Closure;
            }
        }
    }

    /// <summary>
    /// True if no message arrives within <paramref name="window"/> of real time. Only for asserting that something
    /// is held back (the positive case is then asserted after moving virtual time); never a timing measurement.
    /// </summary>
    public async Task<bool> NothingArrivesWithinAsync(TimeSpan window)
    {
        using var timeout = new CancellationTokenSource(window);
        try
        {
            return !await _inbox.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return true;
        }
    }

    // ---- sending ----

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] bytes) => SendAsync(bytes, WebSocketMessageType.Binary);

    /// <summary>Sends one text message split into WebSocket fragments of <paramref name="fragmentSize"/> bytes.</summary>
    public async Task SendFragmentedTextAsync(string text, int fragmentSize)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(SafetyTimeout);
            for (var offset = 0; offset < bytes.Length; offset += fragmentSize)
            {
                var count = Math.Min(fragmentSize, bytes.Length - offset);
                await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, timeout.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends <c>{"op":op,"d":…}</c> with <paramref name="writeData"/> writing <c>d</c> (null when omitted).</summary>
    public Task SendPayloadAsync(int op, Action<Utf8JsonWriter>? writeData = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            if (writeData is null)
                writer.WriteNullValue();
            else
                writeData(writer);
            writer.WriteEndObject();
        }

        return SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text);
    }

    /// <summary>Sends a heartbeat with <paramref name="sequence"/>, or with <see cref="LastSequence"/> when not given.</summary>
    public Task SendHeartbeatAsync(int? sequence = null)
    {
        var s = sequence ?? LastSequence;
        return SendPayloadAsync(Opcode.Heartbeat, w =>
        {
            if (s is { } value)
                w.WriteNumberValue(value);
            else
                w.WriteNullValue();
        });
    }

    /// <summary>Sends a heartbeat and waits for its ACK, skipping dispatches that arrive first.</summary>
    public async Task<GatewayPayload> HeartbeatAsync()
    {
        await SendHeartbeatAsync();
        return await ReceiveOpAsync(Opcode.HeartbeatAck);
    }

    /// <summary>Sends Identify as in the docs' minimal example, with an optional raw <c>shard</c> array (any length, any values).</summary>
    public Task SendIdentifyAsync(string token, long intents, int[]? shard = null) =>
        SendPayloadAsync(Opcode.Identify, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteNumber("intents", intents);
            w.WriteStartObject("properties");
            w.WriteString("os", "linux");
            w.WriteString("browser", "raw-test-client");
            w.WriteString("device", "raw-test-client");
            w.WriteEndObject();
            if (shard is not null)
            {
                w.WriteStartArray("shard");
                foreach (var value in shard)
                    w.WriteNumberValue(value);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        });

    public Task SendResumeAsync(string token, string sessionId, int sequence) =>
        SendPayloadAsync(Opcode.Resume, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteString("session_id", sessionId);
            w.WriteNumber("seq", sequence);
            w.WriteEndObject();
        });

    public Task SendRequestGuildMembersAsync(ulong guildId, string query, int limit, string? nonce = null) =>
        SendPayloadAsync(Opcode.RequestGuildMembers, w =>
        {
            w.WriteStartObject();
            w.WriteString("guild_id", guildId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("query", query);
            w.WriteNumber("limit", limit);
            if (nonce is not null)
                w.WriteString("nonce", nonce);
            w.WriteEndObject();
        });

    public Task SendPresenceUpdateAsync(string status) =>
        SendPayloadAsync(Opcode.PresenceUpdate, w =>
        {
            w.WriteStartObject();
            w.WriteNull("since");
            w.WriteStartArray("activities");
            w.WriteStartObject();
            w.WriteString("name", "the emulator");
            w.WriteNumber("type", 3);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("status", status);
            w.WriteBoolean("afk", false);
            w.WriteEndObject();
        });

    // ---- ending ----

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> and waits for the server's close frame. If the server closed
    /// first, there is nothing left to send and this only waits for the connection to end.
    /// </summary>
    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(SafetyTimeout);
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "raw client close", timeout.Token);
        }
        catch (WebSocketException) when (Closure is not null)
        {
            // The server's close or a dropped connection won the race.
        }
        finally
        {
            _sendLock.Release();
        }

        await _receiveLoop.WaitAsync(SafetyTimeout);
    }

    /// <summary>Drops the TCP connection without a close frame, like a client whose network died.</summary>
    public async Task AbortAsync()
    {
        _socket.Abort();
        await _receiveLoop.WaitAsync(SafetyTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _receiveLoop.WaitAsync(SafetyTimeout);
        }
        finally
        {
            _socket.Dispose();
            _decoder.Dispose();
            _sendLock.Dispose();
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(SafetyTimeout);
            await _socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), CancellationToken.None);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AcknowledgeCloseAsync();
                    return;
                }

                Deliver(result.MessageType, buffer.WrittenSpan);
            }
        }
        // A socket aborted between two receives (disposal racing a server close) says "not connected" instead.
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException
            || (ex is InvalidOperationException && _socket.State != WebSocketState.Open))
        {
            Volatile.Write(ref _closure, new GatewayClosure(null, ex.Message, Abrupt: true));
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    // Echo the server's own code: answering a server close with 1000 would tell Discord to invalidate the session.
    private async Task AcknowledgeCloseAsync()
    {
        var status = _socket.CloseStatus;
        Volatile.Write(ref _closure, new GatewayClosure((int?)status, _socket.CloseStatusDescription, Abrupt: false));
        if (_socket.State != WebSocketState.CloseReceived)
            return;

        await _sendLock.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(SafetyTimeout);
            await _socket.CloseOutputAsync(status ?? WebSocketCloseStatus.Empty, null, timeout.Token);
        }
        catch (WebSocketException)
        {
            // The server may drop TCP right after its close frame; the closure is already recorded.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Deliver(WebSocketMessageType type, ReadOnlySpan<byte> wire)
    {
        byte[]? decoded;
        try
        {
            decoded = _decoder.Decode(wire);
        }
        catch (Exception ex) when (ex is InvalidDataException or ZstdSharp.ZstdException)
        {
            _inbox.Writer.TryWrite(new ServerMessage(type, wire.ToArray(), [], null, ex.Message));
            return;
        }

        if (decoded is null)
            return;

        GatewayPayload.TryParse(decoded, out var payload);
        if (payload?.S is { } sequence)
            Volatile.Write(ref _lastSequence, sequence);
        _inbox.Writer.TryWrite(new ServerMessage(type, wire.ToArray(), decoded, payload));
    }

    private string DescribeRecentHistory() =>
        _history.Count == 0 ? "(none)" : string.Join(" | ", _history.TakeLast(3).Select(p => p.ToString()));
}
