using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The RFC 6455 opening handshake, completed by the gateway itself rather than by <c>AcceptWebSocketAsync</c>, so
/// that a <see cref="CoalescingStream"/> can sit between the WebSocket and the connection. Requests that cannot be
/// upgraded that way (WebSockets over HTTP/2) fall back to the framework's accept without coalescing.
/// </summary>
internal static class WebSocketHandshake
{
    // RFC 6455 section 1.3: the GUID appended to the client's key before hashing. The protocol mandates SHA-1
    // here; it proves the server read the request, it protects nothing.
    private const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Upgrades a request already known to be a WebSocket request; <c>Output</c> is null on the fallback path.</summary>
    public static async Task<(WebSocket Socket, CoalescingStream? Output)> AcceptAsync(HttpContext context)
    {
        // No keep-alive pings: Discord's gateway sends none, and a client must see only what Discord would send.
        var creation = new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero };
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
            return (await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero }).ConfigureAwait(false), null);

        var key = context.Request.Headers.SecWebSocketKey.ToString();
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid)));
        var output = new CoalescingStream(await upgrade.UpgradeAsync().ConfigureAwait(false));
        return (WebSocket.CreateFromStream(output, creation), output);
    }
}
