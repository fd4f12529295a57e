using System.Text.Json;
using Disgo.Models;
using Disgo.Rest;
using Disgo.Rest.Models;
using Disgo.Rest.RateLimiting;
using Disgo.Runtime.Tests.Sharding;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private const string Token = "Bot-token-Zm9vYmFyYmF6";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Create_message_posts_json_with_the_bot_token_and_reads_the_message()
    {
        var handler = ScriptedHandler.Sequence(() => Answer.Json(200, Answer.MessageJson));
        using var client = Client(handler);

        var message = await client.CreateMessageAsync(new Snowflake(42), new CreateMessage
        {
            Content = "pong",
            MessageReference = new MessageReference { MessageId = new Snowflake(99) },
        });

        Assert.Equal(new Snowflake(1001), message.Id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/channels/42/messages", request.PathAndQuery);
        Assert.Equal($"Bot {Token}", request.Authorization);
        Assert.Matches(@"^DiscordBot \(https://github\.com/disgo, \d+\.\d+\.\d+\)$", request.UserAgent);
        Assert.Equal("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("pong", body.RootElement.GetProperty("content").GetString());
        Assert.Equal("99", body.RootElement.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.False(body.RootElement.TryGetProperty("tts", out _), "unset fields are left out");
    }

    [Fact]
    public async Task A_discord_error_carries_its_code_message_and_errors_but_never_the_token()
    {
        const string json = """{"message":"Invalid Form Body","code":50035,"errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""";
        using var client = Client(ScriptedHandler.Sequence(() => Answer.Json(400, json)));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateMessageAsync(new Snowflake(42), new CreateMessage { Content = "x" }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(50035, error.ErrorCode);
        Assert.Equal("Invalid Form Body", error.DiscordMessage);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", error.Errors, StringComparison.Ordinal);
        Assert.Equal("POST /channels/42/messages", error.Route);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_error_page_gives_a_malformed_response_error_after_bounded_retries_of_a_get()
    {
        var handler = ScriptedHandler.Sequence(() => Answer.Html(502));
        using var client = Client(handler, o => o.MaxRetries = 2);

        var failure = Assert.ThrowsAsync<DiscordMalformedResponseException>(() => client.GetChannelAsync(new Snowflake(42)));
        await AdvanceUntilDoneAsync(failure);

        var error = await failure;
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Truncated_json_gives_a_malformed_response_error_and_a_post_is_not_repeated()
    {
        var handler = ScriptedHandler.Sequence(() => Answer.Json(200, Answer.MessageJson[..40]));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<DiscordMalformedResponseException>(() => client.CreateMessageAsync(new Snowflake(42), new CreateMessage { Content = "x" }));

        Assert.Equal(200, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_get_is_retried_after_a_5xx_with_backoff_and_then_succeeds()
    {
        var handler = ScriptedHandler.Sequence(
            () => Answer.Json(500, """{"message":"500: Internal Server Error","code":0}"""),
            () => Answer.Json(200, """{"id":"42","type":0,"name":"general"}"""));
        using var client = Client(handler, o => o.RetryDelay = TimeSpan.FromSeconds(1));

        var channel = client.GetChannelAsync(new Snowflake(42));
        await Eventually.TrueAsync(() => handler.Requests.Count == 1, "the first attempt was sent");
        await Eventually.SettleAsync();
        Assert.False(channel.IsCompleted, "retried without backoff");

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("general", (await channel.WaitAsync(Eventually.SafetyNet)).Name);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_post_is_not_repeated_after_a_5xx()
    {
        var handler = ScriptedHandler.Sequence(() => Answer.Json(503, """{"message":"503: Service Unavailable","code":0}"""));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateMessageAsync(new Snowflake(42), new CreateMessage { Content = "x" }));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_with_a_typed_error()
    {
        var handler = new ScriptedHandler(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var client = Client(handler, o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            o.MaxRetries = 1;
        });

        var failure = Assert.ThrowsAsync<DiscordRestTimeoutException>(() => client.GetChannelAsync(new Snowflake(42)));
        await AdvanceUntilDoneAsync(failure);

        var error = await failure;
        Assert.Contains("5 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_post_is_sent_again()
    {
        var handler = ScriptedHandler.Sequence(
            () => Answer.TooManyRequests("user", retryAfter: 2),
            () => Answer.Json(200, Answer.MessageJson));
        using var client = Client(handler);

        var message = client.CreateMessageAsync(new Snowflake(42), new CreateMessage { Content = "x" });
        await Eventually.TrueAsync(() => handler.Requests.Count == 1, "the first attempt was sent");
        _time.Advance(TimeSpan.FromSeconds(1.9));
        await Eventually.SettleAsync();
        Assert.Single(handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(new Snowflake(1001), (await message.WaitAsync(Eventually.SafetyNet)).Id);
    }

    [Fact]
    public async Task Endless_429s_end_in_a_rate_limit_error()
    {
        var handler = ScriptedHandler.Sequence(() => Answer.TooManyRequests("shared", retryAfter: 1));
        using var client = Client(handler, o => o.MaxRateLimitRetries = 2);

        var failure = Assert.ThrowsAsync<DiscordRateLimitException>(() => client.CreateMessageAsync(new Snowflake(42), new CreateMessage { Content = "x" }));
        await AdvanceUntilDoneAsync(failure);

        var error = await failure;
        Assert.Equal(RateLimitScope.Shared, error.Scope);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_a_request_cancels_it_without_a_retry()
    {
        var handler = new ScriptedHandler(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var client = Client(handler);
        using var cancel = new CancellationTokenSource();

        var request = client.GetChannelAsync(new Snowflake(42), cancel.Token);
        await Eventually.TrueAsync(() => handler.Requests.Count == 1, "the request was sent");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(Eventually.SafetyNet));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Follow_ups_and_reactions_use_discord_paths_and_bulk_overwrite_reads_the_commands()
    {
        var handler = new ScriptedHandler((request, _) => Task.FromResult(request.Method switch
        {
            "PUT" when request.PathAndQuery.EndsWith("/commands", StringComparison.Ordinal) =>
                Answer.Json(200, """[{"id":"5","application_id":"9","name":"ping","description":"Replies","version":"6"}]"""),
            "PUT" or "DELETE" => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent),
            _ => Answer.Json(200, Answer.MessageJson),
        }));
        using var client = Client(handler);

        await client.CreateReactionAsync(new Snowflake(1), new Snowflake(2), "👍");
        await client.CreateFollowupMessageAsync(new Snowflake(9), "tok", new InteractionMessage { Content = "hi" });
        await client.DeleteFollowupMessageAsync(new Snowflake(9), "tok", "@original");
        var commands = await client.BulkOverwriteGlobalApplicationCommandsAsync(new Snowflake(9), [new ApplicationCommand { Name = "ping", Description = "Replies" }]);

        Assert.Equal(
            ["/api/v10/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", "/api/v10/webhooks/9/tok", "/api/v10/webhooks/9/tok/messages/@original", "/api/v10/applications/9/commands"],
            handler.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("ping", Assert.Single(commands).Name);
        Assert.Equal(new Snowflake(5), commands[0].Id);
    }

    private DiscordRestClient Client(ScriptedHandler handler, Action<DiscordRestClientOptions>? configure = null)
    {
        var options = new DiscordRestClientOptions
        {
            Token = Token,
            BaseUrl = new Uri("http://127.0.0.1:1/api/v10"),
            TimeProvider = _time,
            RateLimiter = new RateLimiter(new RateLimiterOptions { TimeProvider = _time, SafetyMargin = TimeSpan.Zero }),
        };
        configure?.Invoke(options);
        return new DiscordRestClient(options, handler);
    }

    /// <summary>Moves virtual time on in steps until <paramref name="task"/> ends (every wait in the client is on it).</summary>
    private async Task AdvanceUntilDoneAsync(Task task)
    {
        for (var step = 0; step < 200 && !task.IsCompleted; step++)
        {
            await Eventually.SettleAsync();
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
