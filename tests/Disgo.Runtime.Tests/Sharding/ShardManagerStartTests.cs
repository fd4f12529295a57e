using System.Collections.Concurrent;
using Disgo.Emulator.Observation;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Whole shard sets started by <see cref="ShardManager"/> on the emulator, on virtual time.</summary>
public sealed class ShardManagerStartTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sixty_four_shards_are_ready_in_the_ideal_four_windows_with_every_guild_on_its_formula_shard()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 16, guildCount: 256);
        var bot = new EventLog();
        var manager = fleet.CreateManager(bot, o => o.Shards = ShardSet.Fixed(64));
        var progress = new ConcurrentQueue<ShardStartProgress>();
        manager.ProgressChanged += (_, p) => progress.Enqueue(p);

        await fleet.PumpWhileAsync(manager.StartAsync(), "64 shards are ready", TimeSpan.FromSeconds(60));

        await AssertStartedOnScheduleAsync(fleet, manager, bot, shards: 64, maxConcurrency: 16);
        Assert.Equal(0, progress.First().Ready);
        Assert.Equal(Enumerable.Range(0, 65), progress.Select(p => p.Ready).Order());
        Assert.True(progress.Last().IsComplete);
        Assert.Equal(1.0, progress.Last().Fraction);
    }

    [Fact]
    public async Task Three_hundred_eighty_four_shards_are_ready_in_the_ideal_schedule_without_violations()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 16, guildCount: 384);
        var bot = new EventLog();
        var manager = await fleet.StartManagerAsync(bot, ShardSet.Fixed(384), TimeSpan.FromSeconds(200));

        await AssertStartedOnScheduleAsync(fleet, manager, bot, shards: 384, maxConcurrency: 16);
    }

    [Fact]
    public async Task A_range_split_over_two_managers_runs_every_shard_exactly_once()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(o =>
        {
            // Two processes share no identify gate yet; with 8 buckets their shards never share one.
            o.MaxConcurrency = 8;
            o.GuildCount = 40;
        });
        var firstBot = new EventLog();
        var secondBot = new EventLog();
        var first = fleet.CreateManager(firstBot, o => o.Shards = ShardSet.Range(8, 0, 4));
        var second = fleet.CreateManager(secondBot, o => o.Shards = ShardSet.Range(8, 4, 4));

        await fleet.PumpWhileAsync(Task.WhenAll(first.StartAsync(), second.StartAsync()), "both ranges are ready", TimeSpan.FromSeconds(30));

        Assert.Equal([0, 1, 2, 3], first.Shards.Select(s => s.ShardId));
        Assert.Equal([4, 5, 6, 7], second.Shards.Select(s => s.ShardId));
        Assert.Equal(Enumerable.Range(0, 8), fleet.Identifies().Select(i => i.Shard.ShardId).Order());
        Assert.All(fleet.Identifies(), i => Assert.Equal(8, i.Shard.NumShards));
        await Eventually.TrueAsync(() => firstBot.Named("GUILD_CREATE").Count() + secondBot.Named("GUILD_CREATE").Count() == 40, "every guild arrived");
        var guilds = firstBot.Named("GUILD_CREATE").Concat(secondBot.Named("GUILD_CREATE")).Select(d => d.Id).ToArray();
        Assert.Equal(fleet.Emulator.World.Guilds.Select(g => g.Id.ToString()).Order(), guilds.Order());
        Assert.All(firstBot.Named("GUILD_CREATE"), d => Assert.InRange(d.ShardId, 0, 3));
        Assert.All(secondBot.Named("GUILD_CREATE"), d => Assert.InRange(d.ShardId, 4, 7));
        Assert.Empty(fleet.Violations);
    }

    [Fact]
    public async Task Guilds_route_by_the_formula_and_guild_less_events_belong_to_shard_0()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 4, guildCount: 8);
        var manager = await fleet.StartManagerAsync(new EventLog(), ShardSet.Fixed(4), TimeSpan.FromSeconds(30));

        foreach (var guild in fleet.Emulator.World.Guilds)
        {
            Assert.Equal((int)((guild.Id >> 22) % 4), manager.ShardFor(new Snowflake(guild.Id)));
        }

        Assert.Equal(4, manager.TotalShards);
        Assert.Equal(manager.ShardFor(new Snowflake(fleet.Emulator.World.Guilds[5].Id)), manager.Sessions.ShardFor(new Snowflake(fleet.Emulator.World.Guilds[5].Id)));
    }

    private static async Task AssertStartedOnScheduleAsync(ShardFleetHarness fleet, ShardManager manager, EventLog bot, int shards, int maxConcurrency)
    {
        var windows = (shards + maxConcurrency - 1) / maxConcurrency;
        var ideal = Window * (windows - 1);
        Assert.Empty(fleet.Violations);

        var identifies = fleet.Identifies();
        Assert.Equal(shards, identifies.Count);
        Assert.Equal(Enumerable.Range(0, shards), identifies.Select(i => i.Shard.ShardId).Order());
        Assert.All(identifies.GroupBy(i => i.At), window => Assert.Equal(maxConcurrency, window.Count()));
        Assert.Equal(ideal, identifies.Max(i => i.At) - identifies.Min(i => i.At));

        var progress = manager.Progress;
        Assert.True(progress.IsComplete);
        Assert.Equal((shards, shards, windows, ideal), (progress.Ready, progress.TotalShards, progress.Windows, progress.ExpectedDuration));
        Assert.InRange(progress.Elapsed, ideal, ideal * 1.05);

        var sessions = manager.Sessions.Sessions;
        Assert.Equal(shards, sessions.Select(s => s.SessionId).Distinct().Count());
        Assert.All(sessions, s => Assert.False(s.SessionId.IsNone));

        var guilds = fleet.Emulator.World.Guilds.Count;
        await Eventually.TrueAsync(() => bot.Named("GUILD_CREATE").Count() >= guilds, "every guild arrived");
        var creates = bot.Named("GUILD_CREATE").ToArray();
        Assert.Equal(guilds, creates.Select(d => d.Id).Distinct().Count());
        Assert.Equal(guilds, creates.Length);
        Assert.All(creates, d => Assert.Equal(new Snowflake(ulong.Parse(d.Id!)).ShardId(shards), d.ShardId));
        Assert.DoesNotContain(fleet.Violations, v => v.Kind is ViolationKind.IdentifyConcurrency or ViolationKind.SessionStartBudget or ViolationKind.SendLimit);
    }
}
