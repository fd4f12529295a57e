using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// Resume (gateway.mdx "Resuming"): on <c>resume_gateway_url</c>, every dispatch after <c>seq</c> is replayed in order,
/// then RESUMED; sequence numbers keep counting; a bad <c>seq</c> closes with 4007.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Resume_replays_every_dispatch_after_seq_in_order_then_resumed_with_continuing_sequence_numbers()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 6);
        var session = await harness.IdentifyAsync();
        for (var i = 0; i < 3; i++)
            Dispatch(harness, $"seen-{i}");
        await session.Client.HeartbeatAsync();
        var seen = session.Client.History.Where(p => p.Op == Opcode.Dispatch).ToList();
        await session.Client.CloseAsync(4000);
        Dispatch(harness, "missed-0");
        Dispatch(harness, "missed-1");

        var resumed = await harness.ResumeAsync(session, sequence: 3);
        var replay = await resumed.CollectUntilAsync(p => p.IsDispatch("RESUMED"));

        var last = seen[^1].S!.Value;
        Assert.Equal(Enumerable.Range(4, last + 2 - 3), replay.SkipLast(1).Select(p => p.S!.Value));
        // The replay is the very same events: what the old connection saw after seq 3, then what it missed.
        Assert.Equal(seen.Where(p => p.S > 3).Select(p => (p.T, p.D.GetRawText())), replay.Take(last - 3).Select(p => (p.T, p.D.GetRawText())));
        Assert.Equal(["missed-0", "missed-1"], replay.Skip(last - 3).SkipLast(1).Select(p => p.D.GetProperty("content").GetString()));
        Assert.Equal(last + 3, replay[^1].S);

        Dispatch(harness, "after-resume");
        var next = await resumed.ReceiveDispatchAsync("MESSAGE_CREATE");
        Assert.Equal(last + 4, next.S);
    }

    [Fact]
    public async Task Resume_at_the_latest_seq_replays_nothing()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var last = session.Client.LastSequence!.Value;
        await session.Client.CloseAsync(4000);

        var resumed = await harness.ResumeAsync(session, last);
        var first = await resumed.ReceiveAsync();

        Assert.True(first.IsDispatch("RESUMED"), $"Expected RESUMED first, got {first}");
        Assert.Equal(last + 1, first.S);
    }

    [Fact]
    public async Task Resume_does_not_send_ready_or_guild_creates_again()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var last = session.Client.LastSequence!.Value;
        await session.Client.CloseAsync(4000);

        var resumed = await harness.ResumeAsync(session, last);
        await resumed.ReceiveDispatchAsync("RESUMED");
        await resumed.HeartbeatAsync();

        Assert.DoesNotContain(resumed.History, p => p.IsDispatch("READY") || p.IsDispatch("GUILD_CREATE"));
    }

    [Fact]
    public async Task Resume_with_a_seq_the_session_never_reached_closes_with_4007_and_ends_the_session()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var last = session.Client.LastSequence!.Value;
        await session.Client.CloseAsync(4000);

        var badResume = await harness.ResumeAsync(session, last + 10);
        Assert.Equal(CloseCode.InvalidSeq, await badResume.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.InvalidSequence));

        // Discord: after 4007, start a new session; the old one must not come back.
        var retry = await harness.ResumeAsync(session, last);
        await SessionAssertions.ExpectInvalidSessionAsync(retry, resumable: false);
    }

    [Fact]
    public async Task Resume_of_an_unknown_session_gets_op_9_false()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(harness.Emulator.ResumeGatewayUrl);
        await client.ReceiveOpAsync(Opcode.Hello);

        await client.SendResumeAsync(harness.Token, "no-such-session", 1);

        await SessionAssertions.ExpectInvalidSessionAsync(client, resumable: false);
    }

    [Fact]
    public async Task Resume_keeps_the_shard_and_its_routing()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 12);
        var session = await harness.IdentifyAsync(shard: [1, 2]);
        await session.Client.CloseAsync(4000);
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");

        var mine = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);
        var other = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 0);
        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(other.Id, "not mine"), other.Id);
        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(mine.Id, "mine"), mine.Id);

        var received = await resumed.ReceiveDispatchAsync("MESSAGE_CREATE");
        Assert.Equal("mine", received.D.GetProperty("content").GetString());
        var record = harness.Emulator.Observations.Connections.Last();
        Assert.Equal(new ShardTuple(1, 2), record.Shard);
        Assert.Equal(session.SessionId, record.SessionId);
    }

    private static void Dispatch(EmulatorHarness harness, string content)
    {
        var guild = harness.Emulator.World.Guilds[0];
        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, content), guild.Id);
    }
}
