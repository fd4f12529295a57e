using Disgo.Emulator;
using Disgo.Rest;
using Disgo.Rest.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Rest;

/// <summary>
/// The local Discord and a REST client sharing one virtual clock, over real sockets. Time moves only when every
/// request is either waiting in the limiter or done, so the elapsed virtual time is exactly what the limiter made
/// the requests wait: a loaded machine slows the test down but cannot change the result.
/// </summary>
internal sealed class VirtualTimeRest : IAsyncDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(60);
    private readonly InFlightHandler _handler;

    private VirtualTimeRest(DiscordEmulator emulator, DiscordRestClient client, RateLimiter limiter, InFlightHandler handler, FakeTimeProvider time)
    {
        Emulator = emulator;
        Client = client;
        Limiter = limiter;
        _handler = handler;
        Time = time;
    }

    public DiscordEmulator Emulator { get; }

    public DiscordRestClient Client { get; }

    public RateLimiter Limiter { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<VirtualTimeRest> StartAsync(Action<EmulatorOptions> configureEmulator, Action<RateLimiterOptions> configureLimiter)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var emulatorOptions = new EmulatorOptions { GuildCount = 8, ChannelsPerGuild = 3, TimeProvider = time };
        configureEmulator(emulatorOptions);
        var emulator = await DiscordEmulator.StartAsync(emulatorOptions);
        var limiterOptions = new RateLimiterOptions { TimeProvider = time };
        configureLimiter(limiterOptions);
        var limiter = new RateLimiter(limiterOptions);
        var handler = new InFlightHandler { InnerHandler = new SocketsHttpHandler() };
        var client = new DiscordRestClient(
            new DiscordRestClientOptions { Token = emulatorOptions.Token, BaseUrl = emulator.RestBaseUrl, RateLimiter = limiter, TimeProvider = time },
            handler);
        return new VirtualTimeRest(emulator, client, limiter, handler, time);
    }

    public Snowflake Channel(int index) => EmulatedRest.ChannelOf(Emulator, index);

    /// <summary>
    /// Runs <paramref name="requests"/> to completion, moving the clock by <paramref name="step"/> whenever all of
    /// them wait in the limiter (<paramref name="waiting"/> counts those), and returns the virtual time it took.
    /// </summary>
    public async Task<TimeSpan> DriveAsync(IReadOnlyList<Task> requests, Func<int> waiting, TimeSpan step)
    {
        var start = Time.GetUtcNow();
        var all = Task.WhenAll(requests);
        var deadline = DateTime.UtcNow + SafetyNet;
        while (!all.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "The requests did not finish.");
            var outstanding = 0;
            foreach (var request in requests)
            {
                outstanding += request.IsCompleted ? 0 : 1;
            }

            if (outstanding > 0 && _handler.InFlight == 0 && waiting() + Limiter.GloballyWaitingCount == outstanding)
            {
                Time.Advance(step);
            }
            else
            {
                await Task.Delay(1);
            }
        }

        await all;
        return Time.GetUtcNow() - start;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _handler.Dispose();
        await Emulator.DisposeAsync();
    }

    private sealed class InFlightHandler : DelegatingHandler
    {
        private int _inFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
