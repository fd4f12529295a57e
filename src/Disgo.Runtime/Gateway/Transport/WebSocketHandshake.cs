using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Disgo.Sharding;

namespace Disgo.Gateway.Transport;

/// <summary>
/// The client side of the RFC 6455 opening handshake over HTTP/1.1: the upgrade request, and the checks on the
/// answer (status 101, <c>Upgrade: websocket</c>, <c>Connection: Upgrade</c>, the accept key, no extension or
/// subprotocol that was not asked for).
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>The most bytes an answer's head may take; Discord's is well under 2 KiB.</summary>
    public const int MaxResponseHeadLength = 8192;

    /// <summary>How much of a refusal's body goes into the exception message.</summary>
    private const int BodyPreviewLength = 256;

    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh <c>Sec-WebSocket-Key</c>: 16 random bytes, base64.</summary>
    public static string NewKey()
    {
        Span<byte> nonce = stackalloc byte[16];
        RandomNumberGenerator.Fill(nonce);
        return Convert.ToBase64String(nonce);
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> a server must answer <paramref name="key"/> with.</summary>
    public static string AcceptFor(string key)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid), hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>The upgrade request for <paramref name="url"/> (path and query kept).</summary>
    public static byte[] Request(Uri url, string key)
    {
        // IdnHost drops an IPv6 literal's brackets, which the Host header needs.
        var name = url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost;
        var host = url.IsDefaultPort ? name : string.Create(CultureInfo.InvariantCulture, $"{name}:{url.Port}");
        return Encoding.ASCII.GetBytes(
            $"GET {url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)} HTTP/1.1\r\n" +
            $"Host: {host}\r\n" +
            "Upgrade: websocket\r\n" +
            "Connection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\n" +
            "Sec-WebSocket-Version: 13\r\n" +
            $"User-Agent: {GatewayBotInfoClient.UserAgent}\r\n" +
            "\r\n");
    }

    /// <summary>
    /// Reads the answer's head and checks it. Returns the bytes the server sent after the head (the start of the
    /// WebSocket stream), or <see langword="null"/> when there were none.
    /// </summary>
    /// <exception cref="GatewayHandshakeException">The answer is not a valid 101 for <paramref name="key"/>.</exception>
    public static async Task<byte[]?> ReadResponseAsync(Stream stream, string key, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxResponseHeadLength);
        try
        {
            var count = 0;
            int headLength;
            while ((headLength = buffer.AsSpan(0, count).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (count == MaxResponseHeadLength)
                {
                    throw new GatewayHandshakeException($"The server's handshake answer has a head over {MaxResponseHeadLength} bytes; it is not a gateway.");
                }

                var read = await stream.ReadAsync(buffer.AsMemory(count, MaxResponseHeadLength - count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new GatewayHandshakeException(count == 0
                        ? "The server closed the connection without answering the WebSocket handshake."
                        : $"The server closed the connection in the middle of its handshake answer (after {count} bytes).");
                }

                count += read;
            }

            var head = Encoding.Latin1.GetString(buffer, 0, headLength).Split("\r\n");
            var bodyStart = headLength + 4;
            var (status, reason) = ParseStatusLine(head[0]);
            if (status != 101)
            {
                var body = await ReadBodyPreviewAsync(stream, buffer, bodyStart, count, ContentLength(head), cancellationToken).ConfigureAwait(false);
                throw new GatewayHandshakeException(
                    string.Create(CultureInfo.InvariantCulture, $"The server answered the WebSocket handshake with {status} {reason} instead of 101 Switching Protocols") +
                    (body.Length == 0 ? "." : $": {body}"),
                    status);
            }

            CheckUpgradeHeaders(head, key);
            return count > bodyStart ? buffer.AsSpan(bodyStart, count - bodyStart).ToArray() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (int Status, string Reason) ParseStatusLine(string line)
    {
        // "HTTP/1.1 101 Switching Protocols"
        var parts = line.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new GatewayHandshakeException($"The server's handshake answer does not start with an HTTP status line: '{Printable(line)}'.");
        }

        return (status, parts.Length == 3 ? parts[2] : "");
    }

    private static void CheckUpgradeHeaders(string[] head, string key)
    {
        if (!string.Equals(Header(head, "Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayHandshakeException($"The server answered 101 with 'Upgrade: {Header(head, "Upgrade")}' instead of 'Upgrade: websocket'.", 101);
        }

        var connection = Header(head, "Connection") ?? "";
        if (!connection.Split(',').Any(token => token.Trim().Equals("Upgrade", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GatewayHandshakeException($"The server answered 101 with 'Connection: {connection}' instead of 'Connection: Upgrade'.", 101);
        }

        var accept = Header(head, "Sec-WebSocket-Accept");
        if (accept != AcceptFor(key))
        {
            throw new GatewayHandshakeException(
                $"The server answered 101 with the wrong Sec-WebSocket-Accept ('{Printable(accept ?? "(none)")}'); it did not answer this handshake's key.", 101);
        }

        // RFC 6455 4.1: the client must fail the connection on an extension or subprotocol it did not ask for.
        foreach (var unasked in (ReadOnlySpan<string>)["Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol"])
        {
            if (Header(head, unasked) is { } value)
            {
                throw new GatewayHandshakeException($"The server answered 101 with '{unasked}: {Printable(value)}', which Disgo did not ask for.", 101);
            }
        }
    }

    /// <summary>The value of the first header called <paramref name="name"/>, trimmed; null when absent.</summary>
    private static string? Header(string[] head, string name)
    {
        for (var i = 1; i < head.Length; i++)
        {
            var line = head[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static int ContentLength(string[] head) =>
        int.TryParse(Header(head, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0;

    /// <summary>
    /// The first bytes of a refusal's body, for the exception: what came with the head, plus what
    /// <c>Content-Length</c> says is still on its way (never waiting for a body that was not announced).
    /// </summary>
    private static async Task<string> ReadBodyPreviewAsync(Stream stream, byte[] buffer, int bodyStart, int count, int contentLength, CancellationToken cancellationToken)
    {
        var wanted = Math.Min(Math.Min(contentLength, BodyPreviewLength), buffer.Length - bodyStart);
        while (count - bodyStart < wanted)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(count, bodyStart + wanted - count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        var length = Math.Min(count - bodyStart, BodyPreviewLength);
        return Printable(Encoding.UTF8.GetString(buffer, bodyStart, length));
    }

    /// <summary>Server text made safe for a message: control characters (line breaks included) become spaces.</summary>
    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
}
