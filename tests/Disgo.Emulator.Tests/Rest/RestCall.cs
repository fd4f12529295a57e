using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

/// <summary>A plain HTTP call to the emulator and everything a test checks about the answer.</summary>
internal sealed record RestCall(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, string Body)
{
    private static readonly HttpClient Http = new() { Timeout = RawGatewayClient.SafetyTimeout };

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header in {Status} {Body}");

    public bool HasHeader(string name) => Headers.Contains(name);

    /// <summary>Sends <paramref name="method"/> to <paramref name="url"/> with an optional Authorization value and JSON body.</summary>
    public static async Task<RestCall> SendAsync(HttpMethod method, string url, string? authorization = null, string? jsonBody = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (jsonBody is not null)
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        return new RestCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public static Task<RestCall> GetAsync(string url, string? authorization = null) => SendAsync(HttpMethod.Get, url, authorization);

    public static Task<RestCall> PostAsync(string url, string jsonBody) => SendAsync(HttpMethod.Post, url, jsonBody: jsonBody);

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> under the REST base URL with the bot's token.</summary>
    public static Task<RestCall> BotAsync(EmulatorHarness harness, HttpMethod method, string path, string? jsonBody = null) =>
        SendAsync(method, $"{harness.Emulator.RestBaseUrl}{path}", $"Bot {harness.Token}", jsonBody);

    /// <summary><c>POST /channels/{channel_id}/messages</c> with the bot's token.</summary>
    public static Task<RestCall> CreateMessageAsync(EmulatorHarness harness, ulong channelId, string content = "hello") =>
        BotAsync(harness, HttpMethod.Post, $"/channels/{channelId}/messages", JsonSerializer.Serialize(new { content }));

    /// <summary><c>GET /gateway/bot</c> with the harness's token.</summary>
    public static Task<RestCall> GetGatewayBotAsync(EmulatorHarness harness) =>
        GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", $"Bot {harness.Token}");
}
