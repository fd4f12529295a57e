using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Disgo.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> of the test run on a free loopback port, with nothing persisted; killed at the end.
/// Tests keep apart by key prefix (<see cref="NewPrefix"/>).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private Process? _server;
    private ConnectionMultiplexer? _connection;

    public int Port { get; private set; }

    /// <summary>A connection of the test itself, as an application would pass in.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The Redis server has not started.");

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewPrefix() => "test:" + Guid.NewGuid().ToString("N");

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "redis-server is not installed: the Disgo.Redis tests start a real one. Install it with `apt-get install -y redis-server` (CI installs it).", exception);
        }

        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_server.ExitCode} on port {Port} before accepting connections.");
            }

            try
            {
                _connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=1000");
                return;
            }
            catch (RedisConnectionException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _server?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-server";
}
