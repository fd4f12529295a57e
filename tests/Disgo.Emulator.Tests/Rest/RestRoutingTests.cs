using System.Net;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RestRoutingTests
{
    [Theory]
    [InlineData("/api/v10/users/@me")]
    [InlineData("/api/v10/gateway/bots")]
    [InlineData("/api/v10")]
    [InlineData("/nothing/here")]
    [InlineData("/favicon.ico")]
    [InlineData("/_emulator/unknown")]
    public async Task Unknown_routes_are_404_in_discords_shape(string path)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.GetAsync(new Uri(harness.Emulator.BaseAddress, path).ToString(), $"Bot {harness.Token}");

        Assert.Equal(HttpStatusCode.NotFound, call.Status);
        Assert.Equal("""{"message":"404: Not Found","code":0}""", call.Body);
    }

    [Theory]
    [InlineData("POST", "/api/v10/gateway/bot")]
    [InlineData("DELETE", "/api/v10/gateway")]
    [InlineData("PUT", "/api/v9/gateway/bot")]
    public async Task A_known_route_with_the_wrong_method_is_405(string method, string path)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.SendAsync(new HttpMethod(method), new Uri(harness.Emulator.BaseAddress, path).ToString(), $"Bot {harness.Token}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, call.Status);
        Assert.Equal("""{"message":"405: Method Not Allowed","code":0}""", call.Body);
    }

    [Theory]
    [InlineData("/api/v8/gateway/bot")]
    [InlineData("/api/v6/gateway")]
    [InlineData("/api/v3/gateway/bot")]
    [InlineData("/api/v11/gateway/bot")]
    [InlineData("/api/vx/gateway")]
    [InlineData("/api/v3/users/@me")]
    public async Task Unsupported_api_versions_are_400(string path)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.GetAsync(new Uri(harness.Emulator.BaseAddress, path).ToString(), $"Bot {harness.Token}");

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal(50041, call.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Version_9_is_served_like_version_10()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.GetAsync(new Uri(harness.Emulator.BaseAddress, "/api/v9/gateway/bot").ToString(), $"Bot {harness.Token}");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(harness.Emulator.GatewayUrl.ToString(), call.Json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Oversized_and_malformed_requests_get_an_http_error_and_the_emulator_keeps_serving()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var url = $"{harness.Emulator.RestBaseUrl}/gateway/bot";
        var port = harness.Emulator.BaseAddress.Port;

        var huge = await RestCall.GetAsync(url, "Bot " + new string('x', 64 * 1024));
        var nonAsciiToken = await RawHttp.StatusOfAsync(port, "GET /api/v10/gateway/bot HTTP/1.1\r\nHost: a\r\nAuthorization: Bot \u00ff\u00fe\r\n\r\n");
        var controlCharacters = await RawHttp.StatusOfAsync(port, "GET /api/v10/gateway/bot HTTP/1.1\r\nHost: a\r\nAuthorization: Bot \u0001\u0002\r\n\r\n");
        var garbage = await RawHttp.StatusOfAsync(port, "\u0000\u0001 not http at all\r\n\r\n");
        var twice = await RawHttp.StatusOfAsync(port, $"GET /api/v10/gateway/bot HTTP/1.1\r\nHost: a\r\nAuthorization: Bot {harness.Token}\r\nAuthorization: Bot {harness.Token}\r\n\r\n");
        var fine = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, huge.Status);
        Assert.Equal(400, nonAsciiToken);
        Assert.Equal(401, controlCharacters);
        Assert.Equal(400, garbage);
        Assert.Equal(401, twice);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
    }
}
