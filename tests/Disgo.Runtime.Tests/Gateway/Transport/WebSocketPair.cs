using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Disgo.Runtime.Tests.Gateway.Transport;

/// <summary>Two ends of a real WebSocket over a loopback TCP connection: the server writes, the client is read.</summary>
internal sealed class WebSocketPair : IDisposable
{
    private readonly TcpClient _clientTcp;
    private readonly TcpClient _serverTcp;

    private WebSocketPair(TcpClient clientTcp, TcpClient serverTcp)
    {
        _clientTcp = clientTcp;
        _serverTcp = serverTcp;
        Client = WebSocket.CreateFromStream(clientTcp.GetStream(), new WebSocketCreationOptions { IsServer = false });
        Server = WebSocket.CreateFromStream(serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true });
    }

    public WebSocket Client { get; }

    public WebSocket Server { get; }

    public static async Task<WebSocketPair> CreateAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accepted = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new WebSocketPair(client, await accepted.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Sends <paramref name="message"/> as one WebSocket message cut into <paramref name="frames"/> frames.</summary>
    public async Task SendFramesAsync(ReadOnlyMemory<byte> message, int frames, WebSocketMessageType type = WebSocketMessageType.Binary)
    {
        var frameLength = Math.Max(1, (message.Length + frames - 1) / frames);
        for (var offset = 0; offset < message.Length; offset += frameLength)
        {
            var frame = message[offset..Math.Min(offset + frameLength, message.Length)];
            await Server.SendAsync(frame, type, endOfMessage: offset + frameLength >= message.Length, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Client.Abort();
        Server.Abort();
        Client.Dispose();
        Server.Dispose();
        _clientTcp.Dispose();
        _serverTcp.Dispose();
    }
}
