using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Disgo.Runtime.Tests.Session;

/// <summary>
/// A WebSocket server on loopback that plays a script per connection: for the input a real gateway (and so the
/// emulator) never sends, such as unknown opcodes, corrupt data, over-eager replays or wrong types.
/// </summary>
internal sealed class ScriptedGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedGateway(WebApplication app, Uri baseUrl)
    {
        _app = app;
        GatewayUrl = new Uri(baseUrl, "gateway");
        ResumeUrl = new Uri(baseUrl, "resume");
    }

    public Uri GatewayUrl { get; }

    public Uri ResumeUrl { get; }

    public ConcurrentQueue<ScriptedConnection> Connections { get; } = new();

    /// <summary>Failures of the scripts themselves (an expected payload that never came); a test asserts there are none.</summary>
    public ConcurrentQueue<Exception> ScriptFailures { get; } = new();

    /// <summary>Starts a gateway whose <paramref name="script"/> runs on every connection, told which connection (from 0) it is.</summary>
    public static async Task<ScriptedGateway> StartAsync(Func<ScriptedConnection, int, Task> script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        ScriptedGateway? gateway = null;
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero });
            var connection = new ScriptedConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "", gateway!.ResumeUrl);
            var index = gateway!.Connections.Count;
            gateway.Connections.Enqueue(connection);
            await connection.RunAsync(c => script(c, index), gateway.ScriptFailures);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway = new ScriptedGateway(app, new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/"));
        return gateway;
    }

    public ScriptedConnection Connection(int index) => Connections.ElementAt(index);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One connection to a <see cref="ScriptedGateway"/>: what the script sends, and what the client sent.</summary>
internal sealed class ScriptedConnection(WebSocket socket, string path, string query, Uri resumeUrl)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>The gateway's resume URL, for READY.</summary>
    public Uri ResumeUrl { get; } = resumeUrl;

    /// <summary>Every text payload the client sent, in order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public int? ClientCloseCode { get; private set; }

    /// <summary>Completes when the client closed or the connection dropped.</summary>
    public Task Closed => _closed.Task;

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] message, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(message, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync() => SendAsync("""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250}}""");

    /// <summary>READY (sequence 1) announcing <paramref name="sessionId"/> and this gateway's resume URL.</summary>
    public Task SendReadyAsync(string sessionId) => SendAsync(
        $$$$"""{"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1","username":"bot","discriminator":"0"},"guilds":[],"session_id":"{{{{sessionId}}}}","resume_gateway_url":"{{{{ResumeUrl}}}}","application":{"id":"1","flags":0}}}""");

    public Task SendDispatchAsync(string eventName, long sequence, string data = "{}") =>
        SendAsync($$"""{"t":"{{eventName}}","s":{{sequence}},"op":0,"d":{{data}}}""");

    /// <summary>Reads what the client sent until a payload with <paramref name="opcode"/> arrives, and returns its <c>d</c>.</summary>
    public async Task<JsonElement> ExpectAsync(int opcode)
    {
        while (true)
        {
            var text = await _received.Reader.ReadAsync().AsTask().WaitAsync(SessionHarness.SafetyNet);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.GetProperty("op").GetInt32() == opcode)
            {
                return document.RootElement.GetProperty("d").Clone();
            }
        }
    }

    internal async Task RunAsync(Func<ScriptedConnection, Task> script, ConcurrentQueue<Exception> failures)
    {
        var reading = ReadAsync();
        try
        {
            await script(this);
        }
        catch (Exception exception)
        {
            failures.Enqueue(exception);
        }

        await reading;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseCode = (int?)result.CloseStatus;
                    await _sendLock.WaitAsync();
                    try
                    {
                        await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.Empty, null, CancellationToken.None);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }

                    return;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, length);
                Received.Enqueue(text);
                _received.Writer.TryWrite(text);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client dropped the connection.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
