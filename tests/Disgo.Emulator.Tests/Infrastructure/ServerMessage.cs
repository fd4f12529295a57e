using System.Net.WebSockets;
using System.Text;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>One whole message from the server after transport decoding.</summary>
/// <param name="FrameType">Text or binary, as it arrived.</param>
/// <param name="Wire">The message's bytes as sent, before decompression.</param>
/// <param name="Decoded">The payload bytes after decompression (empty if decompression failed).</param>
/// <param name="Payload">The parsed envelope; null if <paramref name="Decoded"/> is not a gateway payload.</param>
/// <param name="TransportError">Why decompression failed, if it did.</param>
public sealed record ServerMessage(WebSocketMessageType FrameType, byte[] Wire, byte[] Decoded, GatewayPayload? Payload, string? TransportError = null)
{
    public string DecodedText => Encoding.UTF8.GetString(Decoded);
}
