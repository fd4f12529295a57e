using Disgo.Gateway.Session;
using Disgo.Models;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

public sealed class GatewaySessionOptionsTests
{
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.part";

    [Fact]
    public void Defaults_with_a_token_are_valid_and_point_at_Discord()
    {
        var options = new GatewaySessionOptions { Token = Token };

        options.Validate();

        Assert.Equal(new Uri("https://discord.com/api/v10"), options.RestBaseUrl);
        Assert.Null(options.GatewayUrl);
        Assert.Equal(Disgo.Gateway.Compression.GatewayCompression.ZlibStream, options.Compression);
    }

    [Theory]
    [InlineData("", "Token", "is empty")]
    [InlineData("Bot abc.def", "Token", "starts with 'Bot '")]
    [InlineData("abc def", "Token", "contains whitespace")]
    public void A_token_that_cannot_work_is_refused_without_showing_it(string token, string option, string problem)
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = token }.Validate());

        Assert.Equal(option, exception.ParamName);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ws://gateway.example.com", "only for loopback hosts")]
    [InlineData("http://127.0.0.1:5000/gateway", "has the scheme 'http'")]
    public void A_gateway_URL_without_TLS_is_refused_unless_it_is_loopback(string url, string problem)
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, GatewayUrl = new Uri(url) }.Validate());

        Assert.Equal("GatewayUrl", exception.ParamName);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://127.0.0.1:5000/gateway")]
    [InlineData("ws://localhost:5000/gateway")]
    [InlineData("ws://[::1]:5000/gateway")]
    [InlineData("wss://gateway.example.com")]
    public void Loopback_ws_and_any_wss_gateway_URLs_are_accepted(string url) =>
        new GatewaySessionOptions { Token = Token, GatewayUrl = new Uri(url) }.Validate();

    [Fact]
    public void A_REST_base_URL_over_plain_http_is_refused_unless_it_is_loopback()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, RestBaseUrl = new Uri("http://proxy.example.com/api/v10") }.Validate());

        Assert.Equal("RestBaseUrl", exception.ParamName);
        new GatewaySessionOptions { Token = Token, RestBaseUrl = new Uri("http://127.0.0.1:8080/api/v10") }.Validate();
    }

    [Theory]
    [InlineData(49)]
    [InlineData(251)]
    public void A_large_threshold_outside_50_to_250_is_refused(int threshold)
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, LargeThreshold = threshold }.Validate());

        Assert.Contains("50 to 250", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undocumented_intent_bits_are_refused_before_the_gateway_closes_with_4013()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, Intents = (GatewayIntents)(1L << 18) }.Validate());

        Assert.Contains("4013", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_and_resume_URL_limits_must_make_sense()
    {
        Assert.Contains("MaxDelay", Assert.Throws<ArgumentException>(() => new GatewaySessionOptions
        {
            Token = Token,
            ReconnectBackoff = new ReconnectBackoffOptions { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
        }.Validate()).Message, StringComparison.Ordinal);
        Assert.Equal("ResumeUrlFailureLimit", Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, ResumeUrlFailureLimit = 0 }.Validate()).ParamName);
    }

    [Fact]
    public void ResumeFrom_must_be_for_the_same_shard()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions
        {
            Token = Token,
            Shard = new ShardInfo(1, 4),
            ResumeFrom = new GatewayResumeState("abc", 10, new Uri("wss://gateway.example.com"), new ShardInfo(2, 4)),
        }.Validate());

        Assert.Equal("ResumeFrom", exception.ParamName);
        Assert.Contains("[2, 4]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_presence_that_makes_Identify_larger_than_4096_bytes_is_refused()
    {
        var presence = new UpdatePresence { Activities = [new Activity { Name = new string('x', 5000), Type = ActivityType.Playing }] };

        var exception = Assert.Throws<ArgumentException>(() => new GatewaySessionOptions { Token = Token, Presence = presence }.Validate());

        Assert.Contains("4096", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var text = new GatewaySessionOptions { Token = Token, Shard = new ShardInfo(0, 2) }.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("(redacted)", text, StringComparison.Ordinal);
        Assert.Contains("[0, 2]", text, StringComparison.Ordinal);
    }
}
