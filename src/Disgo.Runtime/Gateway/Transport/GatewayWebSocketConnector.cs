using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Disgo.Gateway.Transport;

/// <summary>
/// Disgo's own gateway connection: a TCP socket (TLS for <c>wss://</c>), the HTTP/1.1 upgrade written and checked
/// here, then <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>. Unlike
/// <see cref="ClientWebSocket"/>, whose HTTP connection keeps its 4 KiB read and write buffers for the life of the
/// WebSocket, nothing of the handshake outlives it: an idle connection is the socket, the TLS state and the
/// WebSocket's few bytes of frame header.
/// </summary>
/// <remarks>
/// This is what <see cref="Session.GatewaySessionOptions.ConnectWebSocket"/> uses when it is not set; a custom
/// connector (a proxy, custom TLS) can call it too. No WebSocket keep-alive pings are sent: the gateway's
/// heartbeats are the liveness check.
/// </remarks>
public static class GatewayWebSocketConnector
{
    /// <summary>Opens a WebSocket to <paramref name="url"/> (<c>ws://</c> or <c>wss://</c>, its query kept).</summary>
    /// <param name="url">The gateway URL with its query (<c>v=10&amp;encoding=json...</c>).</param>
    /// <param name="cancellationToken">Abandons the connect; the socket is closed.</param>
    /// <exception cref="GatewayHandshakeException">The server's answer is not a valid WebSocket upgrade.</exception>
    /// <exception cref="SocketException">The TCP connection could not be made.</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake failed (e.g. an untrusted certificate).</exception>
    public static ValueTask<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken) =>
        ConnectAsync(url, certificateValidation: null, cancellationToken);

    /// <inheritdoc cref="ConnectAsync(Uri, CancellationToken)"/>
    /// <param name="url">The gateway URL with its query (<c>v=10&amp;encoding=json...</c>).</param>
    /// <param name="certificateValidation">Decides whether the server's certificate is trusted (e.g. a private CA); null for the system's rules.</param>
    /// <param name="cancellationToken">Abandons the connect; the socket is closed.</param>
    public static async ValueTask<WebSocket> ConnectAsync(Uri url, RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var secure = url.Scheme switch
        {
            "wss" => true,
            "ws" => false,
            _ => throw new ArgumentException($"'{url.GetLeftPart(UriPartial.Path)}' is not a WebSocket URL; use wss:// (or ws://).", nameof(url)),
        };

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(url.DnsSafeHost, url.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (secure)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions { TargetHost = url.IdnHost, RemoteCertificateValidationCallback = certificateValidation },
                    cancellationToken).ConfigureAwait(false);
            }

            var key = WebSocketHandshake.NewKey();
            await stream.WriteAsync(WebSocketHandshake.Request(url, key), cancellationToken).ConfigureAwait(false);
            var early = await WebSocketHandshake.ReadResponseAsync(stream, key, cancellationToken).ConfigureAwait(false);
            if (early is not null)
            {
                // The server's first frames came with its answer: replay them before reading on.
                stream = new ReplayingStream(stream, early);
            }

            return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        }
        catch
        {
            if (stream is null)
            {
                socket.Dispose();
            }
            else
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }
}
