using System.Net;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>The server answered the WebSocket upgrade with an HTTP status instead of switching protocols.</summary>
public sealed class HandshakeRejectedException(HttpStatusCode statusCode, Exception inner)
    : Exception($"The WebSocket handshake was rejected with HTTP {(int)statusCode}.", inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
