using Disgo.Emulator.Events;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Events;

public sealed class EventSourceTests
{
    // Intent bits from Discord's "Gateway Intents" table.
    private const long GuildMessageReactions = 1 << 10;
    private const long GuildMessageTyping = 1 << 11;

    [Fact]
    public async Task The_rate_emits_exactly_the_events_due_on_the_emulators_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var events = harness.Emulator.Events;

        events.Start(50);
        harness.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = events.EmittedCount;
        harness.Advance(TimeSpan.FromMilliseconds(500));
        var afterOneAndAHalf = events.EmittedCount;
        events.Stop();
        harness.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(50, afterOneSecond);
        Assert.Equal(75, afterOneAndAHalf);
        Assert.Equal(75, events.EmittedCount);
        Assert.Equal(0, events.EventsPerSecond);
    }

    [Fact]
    public async Task A_long_pause_catches_up_at_most_one_seconds_worth()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var events = harness.Emulator.Events;

        events.Start(20);
        harness.Advance(TimeSpan.FromHours(1));

        Assert.Equal(20, events.EmittedCount);
        events.Stop();
    }

    [Fact]
    public async Task Disposing_the_emulator_stops_the_rate()
    {
        var harness = await EmulatorHarness.StartAsync();
        var events = harness.Emulator.Events;
        events.Start(10);
        harness.Advance(TimeSpan.FromSeconds(1));

        await harness.DisposeAsync();
        harness.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(10, events.EmittedCount);
        Assert.Equal(0, events.EventsPerSecond);
    }

    [Fact]
    public async Task Starting_again_replaces_the_rate()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var events = harness.Emulator.Events;

        events.Start(10);
        harness.Advance(TimeSpan.FromSeconds(1));
        events.Start(100, EmittedEvents.All);
        harness.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(110, events.EmittedCount);
        Assert.Equal(100, events.EventsPerSecond);
        Assert.Equal(EmittedEvents.All, events.Kinds);
        events.Stop();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(2_000_000)]
    public async Task Start_rejects_rates_it_cannot_honour(double rate)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Emulator.Events.Start(rate));
    }

    [Fact]
    public async Task Start_rejects_an_empty_choice_of_events_and_an_empty_world()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await using var empty = await EmulatorHarness.StartAsync(o => o.GuildCount = 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Emulator.Events.Start(1, EmittedEvents.None));
        Assert.Throws<InvalidOperationException>(() => empty.Emulator.Events.Start(1));
    }

    [Fact]
    public async Task Emitting_into_an_unknown_guild_or_a_foreign_channel_is_refused()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var world = harness.Emulator.World;
        var events = harness.Emulator.Events;

        Assert.Throws<ArgumentException>(() => events.EmitMessageCreate(12345, world.Guilds[0].ChannelId(0), "hi"));
        Assert.Throws<ArgumentException>(() => events.EmitMessageCreate(world.Guilds[0].Id, world.Guilds[1].ChannelId(0), "hi"));
        Assert.Throws<ArgumentOutOfRangeException>(() => events.EmitMessageCreate(world.Guilds[0].Id, world.Guilds[0].ChannelId(0), ""));
        Assert.Throws<ArgumentOutOfRangeException>(() => events.EmitMessageCreate(world.Guilds[0].Id, world.Guilds[0].ChannelId(0), new string('a', 2001)));
        Assert.Equal(0, events.EmittedCount);
    }

    [Fact]
    public async Task An_emitted_message_reaches_the_session_of_its_guilds_shard_only()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);
        var owner = await harness.IdentifyAsync([1, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var other = await harness.IdentifyAsync([0, 2]);

        var messageId = harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(1), "ping", out var deliveredTo);
        var received = await owner.Client.ReceiveDispatchAsync("MESSAGE_CREATE");

        Assert.Equal(1, deliveredTo);
        Assert.Equal(messageId, received.D.GetSnowflake("id"));
        Assert.Equal(guild.Id, received.D.GetSnowflake("guild_id"));
        Assert.Equal(guild.ChannelId(1), received.D.GetSnowflake("channel_id"));
        Assert.Equal("ping", received.D.GetProperty("content").GetString());
        Assert.NotEqual(harness.Emulator.World.BotUserId, received.D.GetProperty("author").GetSnowflake("id"));
        Assert.True(await other.Client.NothingArrivesWithinAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task The_rate_delivers_guild_events_to_a_connected_session()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(intents: EmulatorHarness.DefaultIntents | GuildMessageReactions | GuildMessageTyping);

        harness.Emulator.Events.Start(30, EmittedEvents.All);
        harness.Advance(TimeSpan.FromSeconds(1));
        harness.Emulator.Events.Stop();
        var names = new List<string>();
        for (var i = 0; i < 30; i++)
            names.Add((await session.Client.ReceiveOpAsync(Opcode.Dispatch)).T!);

        Assert.Subset(new HashSet<string> { "MESSAGE_CREATE", "TYPING_START", "MESSAGE_REACTION_ADD" }, names.ToHashSet());
        Assert.True(names.Distinct().Count() >= 2, $"Expected a mix of events, got {string.Join(", ", names.Distinct())}");
    }
}
