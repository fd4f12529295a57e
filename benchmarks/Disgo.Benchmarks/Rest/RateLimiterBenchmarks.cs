using BenchmarkDotNet.Attributes;
using Disgo.Rest;
using Disgo.Rest.RateLimiting;

namespace Disgo.Benchmarks.Rest;

/// <summary>
/// What the limiter costs per request once a bucket is learned: one acquire (bucket, invalid-request guard and, for
/// normal routes, the global limit) and one release with the response's headers. Limits are set so nothing ever
/// waits: this is the bookkeeping alone, the price every request pays.
/// </summary>
[MemoryDiagnoser]
public class RateLimiterBenchmarks
{
    private static readonly RateLimitResponse Learned = new(200, "bucket", int.MaxValue, int.MaxValue - 1, TimeSpan.FromHours(1));

    private RateLimiter _limiter = null!;
    private RestRoute _message = null!;
    private RestRoute _callback = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // A one-tick global window keeps the global log's bookkeeping on the path without ever making anyone wait.
        _limiter = new RateLimiter(new RateLimiterOptions { GlobalLimit = 1_000, GlobalWindow = TimeSpan.FromTicks(1), SafetyMargin = TimeSpan.Zero });
        _message = RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1456493874389319680");
        _callback = RestRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "1456493874389319681", "token");
        await _limiter.ReleaseAsync(await _limiter.AcquireAsync(_message, default), Learned);
        await _limiter.ReleaseAsync(await _limiter.AcquireAsync(_callback, default), Learned);
    }

    [Benchmark(Baseline = true, Description = "acquire + release, message route (bucket + global)")]
    public async ValueTask MessageRouteAsync() =>
        await _limiter.ReleaseAsync(await _limiter.AcquireAsync(_message, default), Learned);

    [Benchmark(Description = "acquire + release, interaction route (bucket only)")]
    public async ValueTask InteractionRouteAsync() =>
        await _limiter.ReleaseAsync(await _limiter.AcquireAsync(_callback, default), Learned);

    [Benchmark(Description = "RestRoute.Create for a message route")]
    public RestRoute CreateRoute() => RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1456493874389319680");
}
