using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using Disgo.Emulator;
using Disgo.Gateway.Transport;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Gateway.Transport;

public sealed class GatewayWebSocketConnectorTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connects_to_the_emulator_and_receives_hello()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GuildCount = 1 }).WaitAsync(SafetyNet);

        using var socket = await GatewayWebSocketConnector.ConnectAsync(new Uri(emulator.GatewayUrl + "?v=10&encoding=json"), CancellationToken.None)
            .AsTask().WaitAsync(SafetyNet);

        Assert.Equal(WebSocketState.Open, socket.State);
        var hello = await ReceiveTextAsync(socket);
        Assert.Contains("\"op\":10", hello, StringComparison.Ordinal);
        Assert.Contains("heartbeat_interval", hello, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_is_an_http_1_1_upgrade_with_key_version_and_user_agent()
    {
        await using var server = RawHandshakeServer.Start((stream, request) => stream.WriteAsync(Encoding.ASCII.GetBytes(RawHandshakeServer.SwitchingProtocols(request))).AsTask());

        using var socket = await ConnectAsync(server.Url());

        var request = await server.Request.WaitAsync(SafetyNet);
        Assert.StartsWith("GET /?v=10&encoding=json HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{server.Port}", RawHandshakeServer.HeaderOf(request, "Host"));
        Assert.Equal("websocket", RawHandshakeServer.HeaderOf(request, "Upgrade"));
        Assert.Equal("Upgrade", RawHandshakeServer.HeaderOf(request, "Connection"));
        Assert.Equal("13", RawHandshakeServer.HeaderOf(request, "Sec-WebSocket-Version"));
        Assert.Equal(GatewayBotInfoClient.UserAgent, RawHandshakeServer.HeaderOf(request, "User-Agent"));
        Assert.Equal(16, Convert.FromBase64String(RawHandshakeServer.HeaderOf(request, "Sec-WebSocket-Key")).Length);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public void Host_header_of_a_default_port_url_has_no_port()
    {
        var request = Encoding.ASCII.GetString(WebSocketHandshake.Request(new Uri("wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream"), "key"));

        Assert.StartsWith("GET /?v=10&encoding=json&compress=zlib-stream HTTP/1.1\r\nHost: gateway.discord.gg\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_header_of_an_ipv6_literal_keeps_its_brackets()
    {
        var request = Encoding.ASCII.GetString(WebSocketHandshake.Request(new Uri("ws://[::1]:5000/gateway"), "key"));

        Assert.Contains("\r\nHost: [::1]:5000\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_connection_sends_a_new_key()
    {
        await using var first = RawHandshakeServer.Answering("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        await using var second = RawHandshakeServer.Answering("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray());

        await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(first.Url()));
        await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(second.Url()));

        Assert.NotEqual(
            RawHandshakeServer.HeaderOf(await first.Request.WaitAsync(SafetyNet), "Sec-WebSocket-Key"),
            RawHandshakeServer.HeaderOf(await second.Request.WaitAsync(SafetyNet), "Sec-WebSocket-Key"));
    }

    [Fact]
    public async Task Wrong_accept_key_fails_the_handshake()
    {
        await using var server = RawHandshakeServer.Answering(Encoding.ASCII.GetBytes(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {RawHandshakeServer.AcceptFor("AAAAAAAAAAAAAAAAAAAAAA==")}\r\n\r\n"));

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Equal(101, exception.StatusCode);
        Assert.Contains("wrong Sec-WebSocket-Accept", exception.Message, StringComparison.Ordinal);
        await server.ClientGone.WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task Refusal_reports_its_status_reason_and_the_start_of_its_body()
    {
        await using var server = RawHandshakeServer.Answering(Encoding.ASCII.GetBytes(
            "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 32\r\n\r\nerror code: 1020\r\nbanned for now"));

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Equal(403, exception.StatusCode);
        Assert.Equal(
            "The server answered the WebSocket handshake with 403 Forbidden instead of 101 Switching Protocols: error code: 1020  banned for now",
            exception.Message);
        await server.ClientGone.WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task Refusal_waits_for_a_body_that_content_length_announces()
    {
        await using var server = RawHandshakeServer.Start(async (stream, _) =>
        {
            await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 11\r\n\r\n"u8.ToArray());
            await stream.FlushAsync();
            await Task.Delay(50);
            await stream.WriteAsync("overloaded!"u8.ToArray());
        });

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Equal(503, exception.StatusCode);
        Assert.EndsWith("Service Unavailable instead of 101 Switching Protocols: overloaded!", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_closed_in_the_middle_of_the_head_fails_the_handshake()
    {
        await using var server = RawHandshakeServer.Start(async (stream, _) =>
        {
            await stream.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nUpgrade: webs"u8.ToArray());
            stream.Close();
        });

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Null(exception.StatusCode);
        Assert.Equal("The server closed the connection in the middle of its handshake answer (after 47 bytes).", exception.Message);
    }

    [Fact]
    public async Task Head_over_the_limit_fails_the_handshake()
    {
        var head = "HTTP/1.1 101 Switching Protocols\r\n" + string.Concat(Enumerable.Repeat("X-Padding: 0123456789abcdef0123456789abcdef\r\n", 400));
        await using var server = RawHandshakeServer.Answering(Encoding.ASCII.GetBytes(head));

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Equal($"The server's handshake answer has a head over {WebSocketHandshake.MaxResponseHeadLength} bytes; it is not a gateway.", exception.Message);
    }

    [Theory]
    [InlineData("Upgrade: h2c\r\nConnection: Upgrade\r\n", "'Upgrade: h2c'")]
    [InlineData("Upgrade: websocket\r\nConnection: keep-alive\r\n", "'Connection: keep-alive'")]
    [InlineData("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Extensions: permessage-deflate\r\n", "'Sec-WebSocket-Extensions: permessage-deflate'")]
    public async Task Upgrade_answer_with_wrong_headers_fails_the_handshake(string headers, string named)
    {
        await using var server = RawHandshakeServer.Start((stream, request) => stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\n{headers}Sec-WebSocket-Accept: {RawHandshakeServer.AcceptFor(RawHandshakeServer.HeaderOf(request, "Sec-WebSocket-Key"))}\r\n\r\n")).AsTask());

        var exception = await Assert.ThrowsAsync<GatewayHandshakeException>(() => ConnectAsync(server.Url()));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frame_sent_in_the_same_segment_as_the_answer_is_read()
    {
        var hello = "{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"u8.ToArray();
        var later = "{\"op\":11}"u8.ToArray();
        await using var server = RawHandshakeServer.Start(async (stream, request) =>
        {
            // The head and a whole frame in one write, so they reach the client together.
            byte[] answer = [.. Encoding.ASCII.GetBytes(RawHandshakeServer.SwitchingProtocols(request)), .. TextFrame(hello)];
            await stream.WriteAsync(answer);
            await Task.Delay(20);
            await stream.WriteAsync(TextFrame(later));
        });

        using var socket = await ConnectAsync(server.Url());

        Assert.Equal(Encoding.UTF8.GetString(hello), await ReceiveTextAsync(socket));
        Assert.Equal(Encoding.UTF8.GetString(later), await ReceiveTextAsync(socket));
    }

    [Fact]
    public async Task Cancelling_a_connect_that_waits_for_an_answer_closes_the_socket()
    {
        await using var server = RawHandshakeServer.Start((_, _) => Task.CompletedTask);
        using var cancellation = new CancellationTokenSource();

        var connect = GatewayWebSocketConnector.ConnectAsync(server.Url(), cancellation.Token).AsTask();
        await server.Request.WaitAsync(SafetyNet);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.WaitAsync(SafetyNet));
        await server.ClientGone.WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task Wss_connects_through_tls_with_a_certificate_the_callback_trusts()
    {
        using var certificate = RawHandshakeServer.SelfSignedLocalhost();
        await using var server = RawHandshakeServer.Start(async (stream, request) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(RawHandshakeServer.SwitchingProtocols(request)));
            using var serverSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
            await serverSocket.SendAsync("{\"op\":10}"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }, certificate);

        using var socket = await GatewayWebSocketConnector.ConnectAsync(
            server.Url("wss", "localhost"),
            (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
            CancellationToken.None).AsTask().WaitAsync(SafetyNet);

        Assert.Equal("{\"op\":10}", await ReceiveTextAsync(socket));
    }

    [Fact]
    public async Task Wss_refuses_an_untrusted_certificate_by_default()
    {
        using var certificate = RawHandshakeServer.SelfSignedLocalhost();
        await using var server = RawHandshakeServer.Start((_, _) => Task.CompletedTask, certificate);

        await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(server.Url("wss", "localhost")));
    }

    private static Task<WebSocket> ConnectAsync(Uri url) =>
        GatewayWebSocketConnector.ConnectAsync(url, CancellationToken.None).AsTask().WaitAsync(SafetyNet);

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).AsTask().WaitAsync(SafetyNet);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>An unmasked server text frame (payload under 126 bytes).</summary>
    private static byte[] TextFrame(byte[] payload) => [0x81, (byte)payload.Length, .. payload];
}
