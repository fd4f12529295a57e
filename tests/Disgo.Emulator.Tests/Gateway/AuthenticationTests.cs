using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>4003, 4004 and 4005: the order Hello → Identify and the token (gateway-events.mdx "Identify"; close code table).</summary>
public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(Opcode.PresenceUpdate, """{"since":null,"activities":[],"status":"online","afk":false}""")]
    [InlineData(Opcode.RequestGuildMembers, """{"guild_id":"1","query":"","limit":0}""")]
    [InlineData(4, """{"guild_id":"1","channel_id":null,"self_mute":false,"self_deaf":false}""")]
    public async Task A_payload_before_identify_closes_with_4003_and_is_recorded(int op, string data)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync($$"""{"op":{{op}},"d":{{data}}}""");

        Assert.Equal(CloseCode.NotAuthenticated, await client.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.NotAuthenticated));
    }

    [Fact]
    public async Task A_payload_after_the_session_was_invalidated_closes_with_4003()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        harness.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: false), new FaultTarget(SessionId: session.SessionId));
        await SessionAssertions.ExpectInvalidSessionAsync(session.Client, resumable: false);

        await session.Client.SendPresenceUpdateAsync("online");

        Assert.Equal(CloseCode.NotAuthenticated, await session.Client.ExpectCloseAsync());
    }

    [Fact]
    public async Task Identify_with_a_bad_token_closes_with_4004_and_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendIdentifyAsync("not-the-token", EmulatorHarness.DefaultIntents);

        Assert.Equal(CloseCode.AuthenticationFailed, await client.ExpectCloseAsync());
        Assert.DoesNotContain(client.History, p => p.IsDispatch("READY"));
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.AuthenticationFailed));
    }

    [Fact]
    public async Task Resume_with_a_bad_token_does_not_resume()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);
        var client = await harness.ConnectAsync(session.ResumeGatewayUrl);
        await client.ReceiveOpAsync(Opcode.Hello);

        await client.SendResumeAsync("not-the-token", session.SessionId, session.Client.LastSequence!.Value);
        var closure = await client.WaitForEndAsync();

        Assert.Equal(CloseCode.AuthenticationFailed, closure.Code);
        Assert.DoesNotContain(client.History, p => p.IsDispatch("RESUMED"));
    }

    [Fact]
    public async Task A_second_identify_on_one_connection_closes_with_4005_and_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.SendIdentifyAsync(harness.Token, EmulatorHarness.DefaultIntents);

        Assert.Equal(CloseCode.AlreadyAuthenticated, await session.Client.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.AlreadyAuthenticated));
    }

    [Fact]
    public async Task Identify_after_a_resume_on_one_connection_closes_with_4005()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");

        await resumed.SendIdentifyAsync(harness.Token, EmulatorHarness.DefaultIntents);

        Assert.Equal(CloseCode.AlreadyAuthenticated, await resumed.ExpectCloseAsync());
    }
}
