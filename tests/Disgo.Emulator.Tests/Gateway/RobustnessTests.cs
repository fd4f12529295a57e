using System.Net.WebSockets;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>Bad input on one connection gets its close code and never harms the emulator or other connections.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Garbage_on_one_connection_leaves_an_identified_connection_working()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var healthy = await harness.IdentifyAsync();
        var (bad, _) = await harness.ConnectAndHelloAsync();

        await bad.SendTextAsync("{{{{ definitely not json");
        Assert.Equal(CloseCode.DecodeError, await bad.ExpectCloseAsync());

        await healthy.Client.HeartbeatAsync();
        var guild = harness.Emulator.World.Guilds[0];
        Assert.Equal(1, harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "still here"), guild.Id));
        await healthy.Client.ReceiveDispatchAsync("MESSAGE_CREATE");
    }

    [Fact]
    public async Task A_burst_of_misbehaving_connections_leaves_the_emulator_serving_new_sessions()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
        var junk = new byte[5000];
        new Random(7).NextBytes(junk);

        var abuse = new List<Func<RawGatewayClient, Task>>
        {
            c => c.SendTextAsync("not json"),
            c => c.SendBinaryAsync(junk),
            c => c.SendTextAsync(new string('[', 10_000)),
            c => c.SendTextAsync("""{"op":2,"d":{"token":null,"intents":"x","properties":7}}"""),
            c => c.SendTextAsync("""{"op":6,"d":{"token":1,"session_id":[],"seq":"x"}}"""),
            c => c.SendTextAsync("""{"op":1e400,"d":null}"""),
            c => c.SendTextAsync("""{"op":1,"d":null,"op":2}"""),
            c => c.SendTextAsync("\"just a string\""),
            c => c.SendTextAsync("null"),
            c => c.AbortAsync(),
            c => c.CloseAsync(1000),
        };
        await Task.WhenAll(abuse.Select(async act =>
        {
            var (client, _) = await harness.ConnectAndHelloAsync();
            try
            {
                await act(client);
            }
            catch (WebSocketException)
            {
                // The server may already have closed; the emulator's health is what this test checks.
            }

            await client.WaitForEndAsync();
        }));

        var session = await harness.IdentifyAsync();
        await session.Client.HeartbeatAsync();
        Assert.Null(session.Client.Closure);
    }

    [Fact]
    public async Task A_connection_dropped_before_hello_is_read_does_not_disturb_others()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var dropped = await harness.ConnectAsync();
        await dropped.AbortAsync();

        var session = await harness.IdentifyAsync();

        await session.Client.HeartbeatAsync();
    }

    [Fact]
    public async Task A_plain_http_request_to_the_gateway_url_gets_a_client_error()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();
        var url = new UriBuilder(harness.Emulator.GatewayUrl) { Scheme = "http" }.Uri;

        using var response = await http.GetAsync(url).WaitAsync(RawGatewayClient.SafetyTimeout);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await harness.IdentifyAsync();
    }
}
