using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Disgo.Gateway.Session;

namespace Disgo.Sharding;

/// <summary>
/// <c>GET /gateway/bot</c> for whoever decides the shard set: the recommended shard count and the session start
/// budget. Waits out a 429 for its <c>retry_after</c> (a few times) instead of failing. Errors never contain the token.
/// </summary>
public sealed class GatewayBotInfoClient
{
    /// <summary>The <c>User-Agent</c> Discord requires: <c>DiscordBot ($url, $version)</c>.</summary>
    public static string UserAgent { get; } =
        $"DiscordBot (https://github.com/disgo, {typeof(GatewayBotInfoClient).Assembly.GetName().Version?.ToString(3) ?? "0"})";

    private readonly HttpClient _http;
    private readonly Uri _route;
    private readonly string _token;
    private readonly TimeProvider _timeProvider;

    /// <param name="http">The client to send with; not disposed here.</param>
    /// <param name="restBaseUrl">REST base, e.g. <c>https://discord.com/api/v10</c> or the emulator's.</param>
    /// <param name="token">The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c>.</param>
    /// <param name="timeProvider">The clock 429 waits run on; the system clock by default.</param>
    /// <param name="maxRateLimitRetries">How many 429s in a row are waited out before giving up.</param>
    public GatewayBotInfoClient(HttpClient http, Uri restBaseUrl, string token, TimeProvider? timeProvider = null, int maxRateLimitRetries = 3)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRateLimitRetries);
        if (GatewayUrls.RestUrlProblem(restBaseUrl) is { } problem)
        {
            throw new ArgumentException($"The REST base URL is not usable: {problem}.", nameof(restBaseUrl));
        }

        _http = http;
        _route = GatewayUrls.GatewayBot(restBaseUrl);
        _token = token;
        _timeProvider = timeProvider ?? TimeProvider.System;
        MaxRateLimitRetries = maxRateLimitRetries;
    }

    public int MaxRateLimitRetries { get; }

    /// <summary>Asks Discord for the recommended shards and the session start budget.</summary>
    /// <exception cref="GatewayBootstrapException">
    /// Refused or unreadable; <see cref="GatewayBootstrapException.IsFatal"/> is set for a token Discord rejects.
    /// </exception>
    public async Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _route);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(body, response);
                if (attempt >= MaxRateLimitRetries)
                {
                    throw new GatewayBootstrapException(
                        string.Create(CultureInfo.InvariantCulture, $"GET {Route} answered 429 {attempt + 1} times in a row (last retry_after {retryAfter.TotalSeconds:0.###} s); try again later."),
                        isFatal: false);
                }

                await Task.Delay(retryAfter, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new GatewayBootstrapException(
                    $"GET {Route} answered {(int)response.StatusCode} {response.StatusCode}: the token is not valid. " +
                    "Fix: use the bot token from the Developer Portal (Applications > your app > Bot > Reset Token).",
                    isFatal: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new GatewayBootstrapException($"GET {Route} answered {(int)response.StatusCode} {response.StatusCode}.", isFatal: false);
            }

            return Parse(body);
        }
    }

    private string Route => GatewayUrls.Display(_route);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            // The message of an HttpRequestException names the host at most, never the headers.
            throw new GatewayBootstrapException($"GET {Route} failed: {exception.Message}", isFatal: false, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayBootstrapException($"GET {Route} timed out.", isFatal: false, exception);
        }
    }

    /// <summary>The body's <c>retry_after</c> (float seconds), else the <c>Retry-After</c> header, else one second.</summary>
    private static TimeSpan RetryAfter(ReadOnlySpan<byte> body, HttpResponseMessage response)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isRetryAfter = reader.ValueTextEquals("retry_after"u8);
                    reader.Read();
                    if (isRetryAfter && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds) && seconds >= 0)
                    {
                        return TimeSpan.FromSeconds(seconds);
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // A 429 with an unreadable body still says "wait"; the header or the default decides how long.
        }

        return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
    }

    private GatewayBotInfo Parse(ReadOnlySpan<byte> body)
    {
        string? url = null;
        int? shards = null, total = null, remaining = null, maxConcurrency = null;
        long? resetAfter = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            Expect(ref reader, JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("url"u8))
                {
                    reader.Read();
                    url = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("shards"u8))
                {
                    shards = ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("session_start_limit"u8))
                {
                    Expect(ref reader, JsonTokenType.StartObject);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("total"u8))
                        {
                            total = ReadInt32(ref reader);
                        }
                        else if (reader.ValueTextEquals("remaining"u8))
                        {
                            remaining = ReadInt32(ref reader);
                        }
                        else if (reader.ValueTextEquals("reset_after"u8))
                        {
                            reader.Read();
                            resetAfter = reader.GetInt64();
                        }
                        else if (reader.ValueTextEquals("max_concurrency"u8))
                        {
                            maxConcurrency = ReadInt32(ref reader);
                        }
                        else
                        {
                            SkipValue(ref reader);
                        }
                    }
                }
                else
                {
                    SkipValue(ref reader);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new GatewayBootstrapException($"GET {Route} answered with JSON that cannot be read: {exception.Message}", isFatal: false, exception);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var gateway) || GatewayUrls.GatewayUrlProblem(gateway) is not null)
        {
            throw new GatewayBootstrapException($"GET {Route} answered without a usable \"url\".", isFatal: false);
        }

        if (shards is not > 0 || total is not > 0 || remaining is not >= 0 || resetAfter is not >= 0 || maxConcurrency is not > 0)
        {
            throw new GatewayBootstrapException(
                $"GET {Route} answered without a usable \"shards\" or \"session_start_limit\" (total, remaining, reset_after, max_concurrency).",
                isFatal: false);
        }

        return new GatewayBotInfo(
            gateway,
            shards.Value,
            new SessionStartLimit(total.Value, remaining.Value, TimeSpan.FromMilliseconds(resetAfter.Value), maxConcurrency.Value));
    }

    private static int ReadInt32(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetInt32();
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"expected {type}, found {reader.TokenType}");
        }
    }
}
