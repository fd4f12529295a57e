using Disgo.Emulator;
using Disgo.Rest;
using Disgo.Rest.RateLimiting;

namespace Disgo.Runtime.Tests.Rest;

/// <summary>A local Discord on real time and a REST client pointed at it, each configurable per test.</summary>
internal sealed class EmulatedRest : IAsyncDisposable
{
    private EmulatedRest(DiscordEmulator emulator, DiscordRestClient client, RateLimiter limiter)
    {
        Emulator = emulator;
        Client = client;
        Limiter = limiter;
    }

    public DiscordEmulator Emulator { get; }

    public DiscordRestClient Client { get; }

    public RateLimiter Limiter { get; }

    /// <summary>The id of channel <paramref name="index"/> of the world, counting across guilds.</summary>
    public Snowflake Channel(int index) => ChannelOf(Emulator, index);

    /// <summary>The id of channel <paramref name="index"/> of <paramref name="emulator"/>'s world, counting across guilds.</summary>
    public static Snowflake ChannelOf(DiscordEmulator emulator, int index)
    {
        var world = emulator.World;
        return new Snowflake(world.Guilds[index / world.ChannelsPerGuild].ChannelId(index % world.ChannelsPerGuild));
    }

    public static async Task<EmulatedRest> StartAsync(
        Action<EmulatorOptions>? configureEmulator = null,
        Action<RateLimiterOptions>? configureLimiter = null,
        Action<DiscordRestClientOptions>? configureClient = null)
    {
        var emulatorOptions = new EmulatorOptions { GuildCount = 8, ChannelsPerGuild = 3 };
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = await DiscordEmulator.StartAsync(emulatorOptions);

        var limiterOptions = new RateLimiterOptions();
        configureLimiter?.Invoke(limiterOptions);
        var limiter = new RateLimiter(limiterOptions);
        var clientOptions = new DiscordRestClientOptions
        {
            Token = emulatorOptions.Token,
            BaseUrl = emulator.RestBaseUrl,
            RateLimiter = limiter,
            RequestTimeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configureClient?.Invoke(clientOptions);
        return new EmulatedRest(emulator, new DiscordRestClient(clientOptions), limiter);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
