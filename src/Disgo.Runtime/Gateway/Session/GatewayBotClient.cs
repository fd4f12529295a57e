using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Disgo.Gateway.Session;

/// <summary>
/// <c>GET /gateway/bot</c>: where to connect. Only the <c>url</c> is used here; shard counts and the session start
/// budget are for whoever decides the shard set.
/// </summary>
internal sealed class GatewayBotClient(HttpClient http, Uri restBaseUrl, string token)
{
    private static readonly string UserAgent = $"DiscordBot (Disgo, {typeof(GatewayBotClient).Assembly.GetName().Version?.ToString(3) ?? "0"})";

    /// <summary>Asks for the gateway URL.</summary>
    /// <exception cref="GatewayBootstrapException">The answer is unusable; <see cref="GatewayBootstrapException.IsFatal"/> says whether retrying can help.</exception>
    public async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        var route = GatewayUrls.GatewayBot(restBaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} failed: {exception.Message}", isFatal: false, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} timed out.", isFatal: false, exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new GatewayBootstrapException(
                    $"GET {GatewayUrls.Display(route)} answered {(int)response.StatusCode} {response.StatusCode}: the token is not valid. " +
                    "Fix: use the bot token from the Developer Portal (Applications > your app > Bot > Reset Token).",
                    isFatal: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} answered {(int)response.StatusCode} {response.StatusCode}.", isFatal: false);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ReadUrl(body, route);
        }
    }

    private static Uri ReadUrl(ReadOnlySpan<byte> body, Uri route)
    {
        string? url = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isUrl = reader.ValueTextEquals("url"u8);
                    reader.Read();
                    if (isUrl && reader.TokenType == JsonTokenType.String)
                    {
                        url = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} answered with JSON that cannot be read: {exception.Message}", isFatal: false, exception);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var gateway))
        {
            throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} answered without a usable \"url\".", isFatal: false);
        }

        if (GatewayUrls.GatewayUrlProblem(gateway) is { } problem)
        {
            throw new GatewayBootstrapException($"GET {GatewayUrls.Display(route)} answered with a gateway URL Disgo will not use: {problem}.", isFatal: true);
        }

        return gateway;
    }
}
