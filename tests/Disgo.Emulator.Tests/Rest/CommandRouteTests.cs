using System.Net;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class CommandRouteTests
{
    private static Task<RestCall> OverwriteAsync(EmulatorHarness harness, string body, ulong? applicationId = null) =>
        RestCall.BotAsync(harness, HttpMethod.Put, $"/applications/{applicationId ?? harness.Emulator.World.ApplicationId}/commands", body);

    [Fact]
    public async Task Bulk_overwrite_replaces_the_commands_and_keeps_ids_of_commands_that_stay()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var first = await OverwriteAsync(harness, """[{"name":"ping","description":"Pong!"},{"name":"Report","type":3}]""");
        var second = await OverwriteAsync(harness, """[{"name":"ping","description":"Pong!"},{"name":"echo","description":"Echo","options":[{"type":3,"name":"text","description":"t"}]}]""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Json.GetArrayLength());
        var ping = first.Json[0];
        Assert.Equal((1, "ping", harness.Emulator.World.ApplicationId), (ping.GetProperty("type").GetInt32(), ping.GetProperty("name").GetString(), ping.GetSnowflake("application_id")));
        Assert.Equal(ping.GetProperty("id").GetString(), second.Json[0].GetProperty("id").GetString());
        Assert.Equal(ping.GetProperty("version").GetString(), second.Json[0].GetProperty("version").GetString());
        Assert.Equal("text", second.Json[1].GetProperty("options")[0].GetProperty("name").GetString());
        Assert.Equal(["ping", "echo"], harness.Emulator.World.Commands.All.Select(c => c.Name));
    }

    [Theory]
    [InlineData("""[{"name":"Ping","description":"d"}]""", "name")]
    [InlineData("""[{"name":"has space","description":"d"}]""", "name")]
    [InlineData("""[{"name":"ping"}]""", "description")]
    [InlineData("""[{"name":"ping","description":"d"},{"name":"ping","description":"e"}]""", "name")]
    [InlineData("""[{"description":"d"}]""", "name")]
    public async Task Invalid_commands_are_invalid_form_body_naming_the_command_and_field(string body, string field)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await OverwriteAsync(harness, """[{"name":"keep","description":"kept"}]""");

        var call = await OverwriteAsync(harness, body);

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (call.Status, call.Json.GetProperty("code").GetInt32()));
        var errors = call.Json.GetProperty("errors");
        var index = errors.EnumerateObject().Single().Name;
        Assert.True(errors.GetProperty(index).TryGetProperty(field, out _), call.Body);
        Assert.Equal("keep", Assert.Single(harness.Emulator.World.Commands.All).Name);
    }

    [Fact]
    public async Task Another_applications_commands_are_403_missing_access()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await OverwriteAsync(harness, "[]", applicationId: 42);

        Assert.Equal((HttpStatusCode.Forbidden, 50001), (call.Status, call.Json.GetProperty("code").GetInt32()));
    }
}
