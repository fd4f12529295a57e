using System.Collections.Concurrent;
using System.Net.WebSockets;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Session;
using Disgo.Gateway.Transport;
using Disgo.Runtime.Tests.Session;

namespace Disgo.Runtime.Tests.Gateway.Transport;

public sealed class GatewaySessionConnectionTests
{
    [Fact]
    public async Task Session_connects_through_ConnectWebSocket_when_it_is_set()
    {
        await using var harness = await SessionHarness.StartAsync();
        var urls = new ConcurrentQueue<Uri>();

        var probe = await harness.StartSessionAsync(options =>
        {
            options.Compression = GatewayCompression.ZstdStream;
            options.ConnectWebSocket = (url, cancellationToken) =>
            {
                urls.Enqueue(url);
                return GatewayWebSocketConnector.ConnectAsync(url, cancellationToken);
            };
        });

        Assert.True(probe.Session.IsHealthy);
        var url = Assert.Single(urls);
        Assert.Equal("?v=10&encoding=json&compress=zstd-stream", url.Query);
    }

    [Fact]
    public async Task Refused_handshake_is_retried_and_its_status_is_the_reason()
    {
        await using var server = RawHandshakeServer.Answering("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        await using var harness = await SessionHarness.StartAsync();
        var probe = harness.Create(harness.Options(options => options.GatewayUrl = server.Url()));

        _ = probe.Session.StartAsync();
        await SessionHarness.WaitUntilAsync(() => probe.Changes.Any(change => change.Current == GatewaySessionStatus.Reconnecting), "the session reconnects");

        var reconnecting = probe.Changes.First(change => change.Current == GatewaySessionStatus.Reconnecting);
        Assert.Contains("403 Forbidden instead of 101 Switching Protocols", reconnecting.Reason, StringComparison.Ordinal);
        Assert.False(probe.Session.Completion.IsCompleted);
    }

    [Fact]
    public async Task Connector_fault_that_is_not_a_transport_failure_stops_the_session()
    {
        await using var harness = await SessionHarness.StartAsync();
        var fault = new InvalidOperationException("The proxy is not configured.");
        var probe = harness.Create(harness.Options(options => options.ConnectWebSocket = (_, _) => ValueTask.FromException<WebSocket>(fault)));

        _ = probe.Session.StartAsync();

        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => probe.Session.Completion.WaitAsync(SessionHarness.SafetyNet));
        Assert.Same(fault, stopped);
    }
}
