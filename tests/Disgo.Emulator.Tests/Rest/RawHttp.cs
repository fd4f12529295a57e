using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

/// <summary>Sends bytes no well-behaved HTTP client would, straight over TCP, and reads the status code back.</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as Latin-1 bytes; returns the response's status code.</summary>
    public static async Task<int> StatusOfAsync(int port, string request)
    {
        using var cancel = new CancellationTokenSource(RawGatewayClient.SafetyTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancel.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cancel.Token);

        var buffer = new byte[4096];
        var received = 0;
        while (received < 12)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(received), cancel.Token);
            Assert.True(read > 0, "The emulator closed the connection without an HTTP response.");
            received += read;
        }

        // "HTTP/1.1 401 ..."
        var statusLine = Encoding.ASCII.GetString(buffer, 0, received);
        return int.Parse(statusLine.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
