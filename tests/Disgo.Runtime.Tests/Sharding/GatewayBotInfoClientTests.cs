using System.Collections.Concurrent;
using Disgo.Emulator;
using Disgo.Gateway.Session;
using Disgo.Sharding;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Sharding;

public sealed class GatewayBotInfoClientTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Reads_the_recommended_shards_and_the_session_start_limit()
    {
        await using var emulator = await Start(o =>
        {
            o.GuildCount = 2500;
            o.MaxConcurrency = 4;
            o.SessionStartTotal = 50;
        });
        using var http = new HttpClient();

        var info = await new GatewayBotInfoClient(http, emulator.RestBaseUrl, emulator.Options.Token, _time).GetAsync().WaitAsync(Eventually.SafetyNet);

        Assert.Equal(3, info.RecommendedShards);
        Assert.Equal(new SessionStartLimit(50, 50, TimeSpan.FromHours(24), 4), info.SessionStartLimit);
        Assert.Equal("ws", info.Url.Scheme);
        Assert.True(info.Url.IsLoopback);
    }

    [Fact]
    public async Task Sends_the_bot_token_and_a_discord_user_agent()
    {
        await using var emulator = await Start();
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);

        await new GatewayBotInfoClient(http, emulator.RestBaseUrl, emulator.Options.Token, _time).GetAsync().WaitAsync(Eventually.SafetyNet);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal($"Bot {emulator.Options.Token}", request.Authorization);
        Assert.Matches(@"^DiscordBot \(https://github\.com/disgo, \d+\.\d+\.\d+\)$", request.UserAgent);
    }

    [Fact]
    public async Task A_rejected_token_fails_fatally_without_naming_the_token()
    {
        await using var emulator = await Start();
        using var http = new HttpClient();
        const string token = "not-the-token-Zm9vYmFy";

        var error = await Assert.ThrowsAsync<GatewayBootstrapException>(
            () => new GatewayBotInfoClient(http, emulator.RestBaseUrl, token, _time).GetAsync().WaitAsync(Eventually.SafetyNet));

        Assert.True(error.IsFatal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_then_answered()
    {
        await using var emulator = await Start();
        using var http = new HttpClient();
        var client = new GatewayBotInfoClient(http, emulator.RestBaseUrl, emulator.Options.Token, _time);
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync().WaitAsync(Eventually.SafetyNet);
        }

        var limited = client.GetAsync();
        await Eventually.TrueAsync(() => emulator.Observations.Violations.Count > 0, "the emulator answered 429");
        await Eventually.SettleAsync();
        Assert.False(limited.IsCompleted, "did not wait for retry_after");

        _time.Advance(TimeSpan.FromSeconds(5));
        var info = await limited.WaitAsync(Eventually.SafetyNet);
        Assert.Equal(1, info.RecommendedShards);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_number_of_429s()
    {
        await using var emulator = await Start();
        using var http = new HttpClient();
        var client = new GatewayBotInfoClient(http, emulator.RestBaseUrl, emulator.Options.Token, _time, maxRateLimitRetries: 0);
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync().WaitAsync(Eventually.SafetyNet);
        }

        var error = await Assert.ThrowsAsync<GatewayBootstrapException>(() => client.GetAsync().WaitAsync(Eventually.SafetyNet));

        Assert.False(error.IsFatal);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    private Task<DiscordEmulator> Start(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { GuildCount = 3, TimeProvider = _time };
        configure?.Invoke(options);
        return DiscordEmulator.StartAsync(options).WaitAsync(Eventually.SafetyNet);
    }

    private sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        public ConcurrentQueue<(string? Authorization, string UserAgent)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue((request.Headers.Authorization?.ToString(), string.Join(' ', request.Headers.GetValues("User-Agent"))));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
