using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Disgo.Runtime.Tests.Rest;

/// <summary>An HTTP handler that answers from a script and records what it was sent, headers and body included.</summary>
internal sealed class ScriptedHandler(Func<ScriptedRequest, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>Answers each request with the next response in the list (the last one repeats).</summary>
    public static ScriptedHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var next = 0;
        return new ScriptedHandler((_, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1);
            return Task.FromResult(responses[index]());
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new ScriptedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Enqueue(recorded);
        return await answer(recorded, cancellationToken);
    }
}

internal sealed record ScriptedRequest(string Method, string PathAndQuery, string? Authorization, string UserAgent, string? ContentType, string? Body);

/// <summary>Responses with the header shapes Discord sends.</summary>
internal static class Answer
{
    public static HttpResponseMessage Json(int status, string json, string? bucket = "abc", int limit = 5, int remaining = 4, double resetAfter = 1)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bucket is not null)
        {
            response.Headers.Add("X-RateLimit-Bucket", bucket);
            response.Headers.Add("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString("0.000", CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Reset", "1767225601.000");
        }

        return response;
    }

    public static HttpResponseMessage TooManyRequests(string scope, double retryAfter, string? bucket = "abc")
    {
        var global = scope == "global";
        var response = Json(
            429,
            string.Create(CultureInfo.InvariantCulture, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter}},"global":{{(global ? "true" : "false")}},"code":0}"""),
            global ? null : bucket,
            remaining: 0,
            resetAfter: retryAfter);
        response.Headers.Add("X-RateLimit-Scope", scope);
        response.Headers.Add("Retry-After", Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture));
        if (global)
        {
            response.Headers.Add("X-RateLimit-Global", "true");
        }

        return response;
    }

    public static HttpResponseMessage Html(int status) => new((HttpStatusCode)status)
    {
        Content = new StringContent("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>", Encoding.UTF8, "text/html"),
    };

    public const string MessageJson = """
        {"id":"1001","channel_id":"42","author":{"id":"7","username":"bot","discriminator":"0"},"content":"pong","timestamp":"2026-01-01T00:00:00+00:00","type":0}
        """;
}
