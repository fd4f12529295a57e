using System.Diagnostics;
using Disgo.Emulator;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Runtime.Tests.Session;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>
/// A generated bot behind two real gateway sessions (shards 0 and 1 of 2) on the emulator: typed events reach the
/// handlers on the shard their guild routes to, and events no handler takes are never delivered or deserialized.
/// </summary>
public sealed class GeneratedBotOnEmulatorTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Typed_events_reach_handlers_on_the_right_shard_and_unhandled_ones_are_never_deserialized()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GuildCount = 6, MaxConcurrency = 2, TimeProvider = time }).WaitAsync(SafetyNet);
        var echo = new ShardEcho();
        var bot = new CountingDispatcher(ShardEchoBot.Create(echo));
        var logs = new CapturingLoggerFactory();
        var total = ShardEchoBot.Shards.TotalShards!.Value;
        var sessions = Enumerable.Range(0, total).Select(shard => new GatewaySession(
            new GatewaySessionOptions
            {
                Token = emulator.Options.Token,
                RestBaseUrl = emulator.RestBaseUrl,
                Intents = ShardEchoBot.Intents,
                Shard = new ShardInfo(shard, total),
                TimeProvider = time,
                LoggerFactory = logs,
            },
            bot)).ToList();
        try
        {
            await Task.WhenAll(sessions.Select(session => session.StartAsync())).WaitAsync(SafetyNet);
            await WaitUntilAsync(() => echo.Guilds.Count == emulator.World.Guilds.Count, "every GUILD_CREATE was handled");

            foreach (var guild in emulator.World.Guilds)
            {
                Assert.Equal(1, emulator.Events.EmitTypingStart(guild.Id, guild.ChannelId(0)));
                emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), $"hello {guild.Index}", out var deliveredTo);
                Assert.Equal(1, deliveredTo);
            }

            // Each session delivers in order, so once every message is handled every earlier TYPING_START was seen.
            await WaitUntilAsync(() => echo.Messages.Count == emulator.World.Guilds.Count, "every MESSAGE_CREATE was handled");
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync().AsTask().WaitAsync(SafetyNet);
            }
        }

        Assert.All(echo.Guilds, guild => Assert.Equal(guild.GuildId.ShardId(total), guild.ShardId));
        Assert.Equal([0, 1], echo.Guilds.Select(guild => guild.ShardId).Distinct().Order());
        foreach (var guild in emulator.World.Guilds)
        {
            var message = Assert.Single(echo.Messages, message => message.GuildId == new Snowflake(guild.Id));
            Assert.Equal($"hello {guild.Index}", message.Content);
            Assert.Equal(new Snowflake(guild.Id).ShardId(total), message.ShardId);
        }

        Assert.Equal(emulator.World.Guilds.Count, bot.Declined.GetValueOrDefault("TYPING_START"));
        Assert.False(bot.Delivered.ContainsKey("TYPING_START"));
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > SafetyNet)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(2);
        }
    }
}
