using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Rest.RateLimiting;
using Disgo.Sharding;
using Microsoft.Extensions.Logging;

namespace Disgo.Rest;

/// <summary>
/// Discord's HTTP API for a bot: every request passes the <see cref="IRateLimiter"/>, waits out 429s, retries
/// idempotent requests after 5xx answers, timeouts and network failures (with backoff), and fails with a
/// <see cref="DiscordRestException"/> that never contains the token. Thread-safe; use one per bot.
/// </summary>
/// <example>
/// <code>
/// using var rest = new DiscordRestClient(new DiscordRestClientOptions { Token = token });
/// await rest.CreateMessageAsync(channelId, new CreateMessage { Content = "pong" });
/// </code>
/// </example>
public sealed partial class DiscordRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly DiscordRestClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>A client with its own connection pool.</summary>
    public DiscordRestClient(DiscordRestClientOptions options)
        : this(options, new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), ownsHttp: true)
    {
    }

    /// <summary>A client sending through <paramref name="handler"/> (not disposed here).</summary>
    public DiscordRestClient(DiscordRestClientOptions options, HttpMessageHandler handler)
        : this(options, new HttpClient(handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false), ownsHttp: true)
    {
    }

    /// <summary>A client sending through <paramref name="httpClient"/> (not disposed here; its own timeout applies too).</summary>
    public DiscordRestClient(DiscordRestClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttp: false)
    {
    }

    private DiscordRestClient(DiscordRestClientOptions options, HttpClient http, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _http = http;
        _ownsHttp = ownsHttp;
        if (ownsHttp)
        {
            // Timeouts are ours, per attempt and on the injected clock.
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }

        _baseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        _authorization = new AuthenticationHeaderValue("Bot", options.Token);
        RateLimiter = options.RateLimiter ?? new RateLimiter(new RateLimiterOptions { TimeProvider = options.TimeProvider });
        _logger = options.LoggerFactory.CreateLogger<DiscordRestClient>();
    }

    /// <summary>The limiter every request passes; share it with other clients of the same bot.</summary>
    public IRateLimiter RateLimiter { get; }

    /// <summary>Sends <paramref name="body"/> as JSON and reads the answer as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="DiscordRestException">Discord refused, or the answer was unusable (see the subclasses).</exception>
    public Task<TResponse> SendAsync<TRequest, TResponse>(
        RestRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        return SendCoreAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, requestType), responseType, cancellationToken)!;
    }

    /// <summary>Sends a request without a body and reads the answer as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="DiscordRestException">Discord refused, or the answer was unusable.</exception>
    public Task<TResponse> SendAsync<TResponse>(RestRoute route, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        return SendCoreAsync(route, body: null, responseType, cancellationToken)!;
    }

    /// <summary>Sends <paramref name="body"/> as JSON; the answer's body is not read (e.g. 204 No Content).</summary>
    /// <exception cref="DiscordRestException">Discord refused, or the answer was unusable.</exception>
    public Task SendAsync<TRequest>(RestRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        return SendCoreAsync<object>(route, JsonSerializer.SerializeToUtf8Bytes(body, requestType), responseType: null, cancellationToken);
    }

    /// <summary>Sends a request without a body; the answer's body is not read.</summary>
    /// <exception cref="DiscordRestException">Discord refused, or the answer was unusable.</exception>
    public Task SendAsync(RestRoute route, CancellationToken cancellationToken = default) =>
        SendCoreAsync<object>(route, body: null, responseType: null, cancellationToken);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<TResponse?> SendCoreAsync<TResponse>(RestRoute route, byte[]? body, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var uri = new Uri(route.Query is null ? _baseUrl + route.Path : string.Concat(_baseUrl, route.Path, "?", route.Query));
        var retries = 0;
        var rateLimits = 0;
        while (true)
        {
            var attempt = await AttemptAsync(route, uri, body, responseType, cancellationToken).ConfigureAwait(false);
            if (attempt.Failure is null)
            {
                return attempt.Value;
            }

            if (attempt.Limits is { IsTooManyRequests: true } limited)
            {
                var retryAfter = limited.RetryAfter ?? TimeSpan.FromSeconds(1);
                if (rateLimits++ < _options.MaxRateLimitRetries)
                {
                    // Safe for every method: a 429 was not acted on. The limiter holds the next attempt back.
                    RestLog.RateLimited(_logger, route, limited.Scope.ToString(), retryAfter.TotalMilliseconds);
                    continue;
                }

                throw new DiscordRateLimitException(
                    route.ToString(),
                    string.Create(CultureInfo.InvariantCulture, $"{route} answered 429 ({limited.Scope}) {rateLimits} times in a row; the last asked to wait {retryAfter.TotalSeconds:0.###} s."),
                    limited.Scope,
                    retryAfter);
            }

            if (attempt.IsTransient && route.IsIdempotent && retries < _options.MaxRetries)
            {
                var delay = _options.RetryDelay * Math.Pow(2, retries);
                retries++;
                RestLog.Retrying(_logger, route, attempt.Failure.Message, retries, _options.MaxRetries, delay.TotalMilliseconds);
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw attempt.Failure;
        }
    }

    /// <summary>One try: a permit, the exchange under the per-attempt timeout, and the response reported back to the limiter.</summary>
    private async Task<Attempt<TResponse>> AttemptAsync<TResponse>(
        RestRoute route, Uri uri, byte[]? body, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
    {
        var permit = await RateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
        RateLimitResponse? limits = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var request = new HttpRequestMessage(route.Method, uri);
            request.Headers.Authorization = _authorization;
            request.Headers.TryAddWithoutValidation("User-Agent", GatewayBotInfoClient.UserAgent);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                limits = RateLimitHeaderReader.Read(response, error: null);
                return ReadSuccess(route, status, bytes, responseType, limits.Value);
            }

            var error = RestErrors.TryRead(bytes);
            limits = RateLimitHeaderReader.Read(response, error);
            return new Attempt<TResponse>(default, limits, RestErrors.For(route, response, bytes, error), IsTransient: status >= 500);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt<TResponse>(default, null, new DiscordRestTimeoutException(
                route.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{route} got no complete answer within {_options.RequestTimeout.TotalSeconds:0.###} s."),
                exception), IsTransient: true);
        }
        catch (HttpRequestException exception)
        {
            // Its message names the host at most, never the headers.
            return new Attempt<TResponse>(default, null, new DiscordRestException(route.ToString(), $"{route} failed: {exception.Message}", innerException: exception), IsTransient: true);
        }
        finally
        {
            await RateLimiter.ReleaseAsync(permit, limits).ConfigureAwait(false);
        }
    }

    private static Attempt<TResponse> ReadSuccess<TResponse>(RestRoute route, int status, byte[] bytes, JsonTypeInfo<TResponse>? responseType, RateLimitResponse limits)
    {
        if (responseType is null)
        {
            return new Attempt<TResponse>(default, limits, null, IsTransient: false);
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, responseType);
            if (value is not null)
            {
                return new Attempt<TResponse>(value, limits, null, IsTransient: false);
            }
        }
        catch (JsonException exception)
        {
            return new Attempt<TResponse>(default, limits, RestErrors.Malformed(route, status, bytes, exception), IsTransient: true);
        }

        return new Attempt<TResponse>(default, limits, RestErrors.Malformed(route, status, bytes, innerException: null), IsTransient: true);
    }

    /// <summary>How one try ended: a value, or a failure that may (<see cref="IsTransient"/>) go away on a retry.</summary>
    private readonly record struct Attempt<TResponse>(TResponse? Value, RateLimitResponse? Limits, DiscordRestException? Failure, bool IsTransient);
}
