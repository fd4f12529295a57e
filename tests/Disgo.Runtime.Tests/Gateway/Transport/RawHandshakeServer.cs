using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Disgo.Runtime.Tests.Gateway.Transport;

/// <summary>
/// A bare TCP server on loopback that reads each client's HTTP request head and lets the test answer with whatever
/// bytes it likes (a valid upgrade, or the broken answers a real gateway would never give). With a certificate it
/// speaks TLS first.
/// </summary>
internal sealed class RawHandshakeServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, string, Task> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly Task _accepting;
    private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RawHandshakeServer(Func<Stream, string, Task> answer, X509Certificate2? certificate)
    {
        _answer = answer;
        _certificate = certificate;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url(string scheme = "ws", string host = "127.0.0.1") => new($"{scheme}://{host}:{Port}/?v=10&encoding=json");

    /// <summary>The first client's request head, as received.</summary>
    public Task<string> Request => _request.Task;

    /// <summary>Completes when the first client closed its end (its next read returned 0 or failed).</summary>
    public Task ClientGone => _clientGone.Task;

    /// <summary>Answers each connection with <paramref name="answer"/>, given the stream and the request head.</summary>
    public static RawHandshakeServer Start(Func<Stream, string, Task> answer, X509Certificate2? certificate = null) => new(answer, certificate);

    /// <summary>Answers with these bytes, then keeps the connection open until the client closes it.</summary>
    public static RawHandshakeServer Answering(byte[] answer) => Start((stream, _) => stream.WriteAsync(answer).AsTask());

    /// <summary>A valid 101 answer to a request head.</summary>
    public static string SwitchingProtocols(string request) =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {AcceptFor(HeaderOf(request, "Sec-WebSocket-Key"))}\r\n\r\n";

    public static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));

    public static string HeaderOf(string request, string name) =>
        request.Split("\r\n").Skip(1).Select(line => line.Split(':', 2))
            .Single(parts => parts[0].Equals(name, StringComparison.OrdinalIgnoreCase))[1].Trim();

    /// <summary>A self-signed certificate for localhost, as a TLS server needs it (with its private key).</summary>
    public static X509Certificate2 SelfSignedLocalhost()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException or AuthenticationException)
        {
            // The listener stopped under a pending accept, or the client went away mid-answer or mid-TLS.
        }
    }

    private async Task AcceptAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        Stream stream = client.GetStream();
        if (_certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(_certificate);
            stream = tls;
        }

        await using (stream)
        {
            var request = await ReadHeadAsync(stream);
            _request.TrySetResult(request);
            await _answer(stream, request);
            try
            {
                // Hold the connection open until the client leaves, discarding whatever it sends.
                var sink = new byte[256];
                while (await stream.ReadAsync(sink) > 0)
                {
                }
            }
            catch (IOException)
            {
                // Reset by the client: gone just the same.
            }

            _clientGone.TrySetResult();
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("The client closed before the end of its request head.");
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }
}
