using Disgo.Rest;

namespace Disgo.Runtime.Tests.Rest;

public sealed class RestRouteTests
{
    [Fact]
    public void Top_level_resources_are_kept_in_the_key_and_other_parameters_are_not()
    {
        var first = RestRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "10", "100");
        var second = RestRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "10", "200");
        var otherChannel = RestRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "11", "100");

        Assert.Equal("/channels/10/messages/100", first.Path);
        Assert.Equal(first.RateLimitKey, second.RateLimitKey);
        Assert.NotEqual(first.RateLimitKey, otherChannel.RateLimitKey);
        Assert.Equal(first.BucketRoute, otherChannel.BucketRoute);
        Assert.Equal("10", first.TopLevelResource);
    }

    [Fact]
    public void Webhook_tokens_key_the_limit_but_never_appear_in_text()
    {
        var route = RestRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", "5", "secret-interaction-token");
        var otherToken = RestRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", "5", "another-token");

        Assert.Equal("/webhooks/5/secret-interaction-token", route.Path);
        Assert.Equal("POST /webhooks/5/{webhook_token}", route.ToString());
        Assert.DoesNotContain("secret", route.RateLimitKey, StringComparison.Ordinal);
        Assert.NotEqual(route.RateLimitKey, otherToken.RateLimitKey);
        Assert.True(route.IsExemptFromGlobalLimit);
    }

    [Fact]
    public void Interaction_callbacks_are_exempt_from_the_global_limit_and_messages_are_not()
    {
        Assert.True(RestRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "1", "t").IsExemptFromGlobalLimit);
        Assert.False(RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1").IsExemptFromGlobalLimit);
    }

    [Fact]
    public void Arguments_are_escaped_for_the_path()
    {
        var route = RestRoute.Create(HttpMethod.Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "1", "2", "👍");

        Assert.Equal("/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", route.Path);
    }

    [Theory]
    [InlineData("/channels/{channel_id}/messages/{message_id}", 1)]
    [InlineData("/gateway/bot", 1)]
    [InlineData("/channels/{channel_id}", 2)]
    public void A_wrong_number_of_arguments_is_refused(string template, int count)
    {
        var arguments = Enumerable.Repeat("1", count).ToArray();

        var error = Assert.Throws<ArgumentException>(() => RestRoute.Create(HttpMethod.Get, template, arguments));

        Assert.Contains(template, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_get_put_and_delete_are_idempotent()
    {
        Assert.True(RestRoute.Create(HttpMethod.Get, "/gateway/bot").IsIdempotent);
        Assert.True(RestRoute.Create(HttpMethod.Put, "/gateway/bot").IsIdempotent);
        Assert.True(RestRoute.Create(HttpMethod.Delete, "/gateway/bot").IsIdempotent);
        Assert.False(RestRoute.Create(HttpMethod.Post, "/gateway/bot").IsIdempotent);
        Assert.False(RestRoute.Create(HttpMethod.Patch, "/gateway/bot").IsIdempotent);
    }
}
