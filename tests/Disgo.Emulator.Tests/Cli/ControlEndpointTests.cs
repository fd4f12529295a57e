using System.Net;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.Tests.Rest;

namespace Disgo.Emulator.Tests.Cli;

public sealed class ControlEndpointTests
{
    [Theory]
    [InlineData("", "The body is empty")]
    [InlineData("{", "The body is not valid JSON")]
    [InlineData("[1,2]", "The body must be a JSON object, got an array.")]
    [InlineData("{}", "'fault' is missing")]
    [InlineData("""{"fault":7}""", "'fault' must be a string, got a number.")]
    [InlineData("""{"fault":"explode"}""", "Unknown fault 'explode'; use one of: reconnect, invalid_session, close,")]
    [InlineData("""{"fault":"close"}""", "'code' is missing")]
    [InlineData("""{"fault":"close","code":"4000"}""", "'code' must be an integer from 1000 to 4999, got \"4000\".")]
    [InlineData("""{"fault":"close","code":999}""", "'code' must be an integer from 1000 to 4999, got 999.")]
    [InlineData("""{"fault":"close","code":1006}""", "'code' 1006 cannot be sent in a close frame")]
    [InlineData("""{"fault":"reconnect","code":4000}""", "'code' does not apply to the fault 'reconnect', which takes no parameters.")]
    [InlineData("""{"fault":"invalid_session","resumable":"yes"}""", "'resumable' must be true or false, got \"yes\".")]
    [InlineData("""{"fault":"invalid_session","resumeable":true}""", "'resumeable' does not apply to the fault 'invalid_session', which takes: resumable.")]
    [InlineData("""{"fault":"delay"}""", "'delay_ms' is missing")]
    [InlineData("""{"fault":"delay","delay_ms":-5}""", "'delay_ms' must be an integer from 0 to 600000, got -5.")]
    [InlineData("""{"fault":"fail_resume","enabled":1}""", "'enabled' must be true or false, got 1.")]
    [InlineData("""{"fault":"drop","shard":[2,2]}""", "'shard' must be [shard_id, num_shards] with 0 <= shard_id < num_shards, got [2,2].")]
    [InlineData("""{"fault":"drop","shard":"0,1"}""", "'shard' must be [shard_id, num_shards]")]
    [InlineData("""{"fault":"drop","connection_id":0}""", "'connection_id' must be a positive integer")]
    [InlineData("""{"fault":"drop","session_id":""}""", "'session_id' must not be empty.")]
    [InlineData("""{"fault":"drop","session_id":5}""", "'session_id' must be a string, got a number.")]
    public async Task Bad_fault_requests_are_400_with_a_precise_message(string body, string expected)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), body);

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.StartsWith(expected, call.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_64_kilobytes_is_400()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), $$"""{"fault":"drop","pad":"{{new string('x', 70_000)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal("The body is larger than 65536 bytes.", call.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_close_fault_reaches_the_targeted_session_only()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var target = await harness.IdentifyAsync([0, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var bystander = await harness.IdentifyAsync([1, 2]);

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), $$"""{"fault":"close","code":4000,"session_id":"{{target.SessionId}}"}""");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("""{"fault":"close","connections":1}""", call.Body);
        Assert.Equal(4000, await target.Client.ExpectCloseAsync());
        Assert.Null(bystander.Client.Closure);
    }

    [Fact]
    public async Task An_invalid_session_fault_by_shard_sends_op_9_with_its_resumable_flag()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync([1, 3]);

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), """{"fault":"invalid_session","resumable":true,"shard":[1,3]}""");
        var op9 = await session.Client.ReceiveOpAsync(Opcode.InvalidSession);

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.True(op9.D.GetBoolean());
    }

    [Theory]
    [InlineData("""{"fault":"reconnect"}""", 1)]
    [InlineData("""{"fault":"zombie"}""", 1)]
    [InlineData("""{"fault":"resume_acks"}""", 1)]
    [InlineData("""{"fault":"drop"}""", 1)]
    [InlineData("""{"fault":"delay","delay_ms":250}""", 1)]
    [InlineData("""{"fault":"malformed"}""", 1)]
    [InlineData("""{"fault":"heartbeat_request"}""", 1)]
    [InlineData("""{"fault":"close","code":4900}""", 1)]
    [InlineData("""{"fault":"invalid_session"}""", 1)]
    [InlineData("""{"fault":"fail_resume","enabled":true}""", 0)]
    [InlineData("""{"fault":"reconnect","shard":[1,2]}""", 0)]
    [InlineData("""{"fault":"reconnect","connection_id":999}""", 0)]
    [InlineData("""{"fault":"reconnect","session_id":"no-such-session"}""", 0)]
    public async Task Every_fault_is_accepted_and_reports_the_connections_it_hit(string body, int expectedHits)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.IdentifyAsync([0, 2]);

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), body);

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(expectedHits, call.Json.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task A_reconnect_fault_by_connection_id_sends_op_7()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var connectionId = Assert.Single(harness.Emulator.Observations.Connections).Id;

        var call = await RestCall.PostAsync(ControlUrl(harness, "faults"), $$"""{"fault":"reconnect","connection_id":{{connectionId}}}""");
        var reconnect = await session.Client.ReceiveOpAsync(Opcode.Reconnect);

        Assert.Equal("""{"fault":"reconnect","connections":1}""", call.Body);
        Assert.Equal(Opcode.Reconnect, reconnect.Op);
    }

    [Fact]
    public async Task Sessions_connections_and_violations_are_listed_as_json()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync([0, 1]);
        await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", "Bot wrong");

        var sessions = await RestCall.GetAsync(ControlUrl(harness, "sessions"));
        var connections = await RestCall.GetAsync(ControlUrl(harness, "connections"));
        var violations = await RestCall.GetAsync(ControlUrl(harness, "violations"));

        var listed = Assert.Single(sessions.Json.EnumerateArray());
        Assert.Equal(session.SessionId, listed.GetProperty("session_id").GetString());
        Assert.Equal("[0,1]", listed.GetProperty("shard").GetRawText());
        Assert.True(listed.GetProperty("connected").GetBoolean());
        Assert.Equal(1, connections.Json.GetProperty("total").GetInt32());
        Assert.Equal(1, connections.Json.GetProperty("open").GetInt32());
        var connection = Assert.Single(connections.Json.GetProperty("connections").EnumerateArray());
        Assert.Equal(session.SessionId, connection.GetProperty("session_id").GetString());
        Assert.True(connection.GetProperty("payloads_received").GetInt32() >= 1);
        var violation = Assert.Single(violations.Json.EnumerateArray());
        Assert.Equal(nameof(ViolationKind.RestInvalidRequest), violation.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Posting_a_message_event_dispatches_message_create_to_the_guilds_session()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var guild = harness.Emulator.World.Guilds[3];

        var call = await RestCall.PostAsync(ControlUrl(harness, "events/message"), $$"""{"guild_id":"{{guild.Id}}","content":"ping"}""");
        var message = await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(1, call.Json.GetProperty("sessions").GetInt32());
        Assert.Equal(call.Json.GetProperty("id").GetString(), message.D.GetProperty("id").GetString());
        Assert.Equal(guild.ChannelId(0), message.D.GetSnowflake("channel_id"));
        Assert.Equal("ping", message.D.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"content":"x"}""", "'guild_id' is missing.")]
    [InlineData("""{"guild_id":"abc","content":"x"}""", "'guild_id' must be a snowflake")]
    [InlineData("""{"guild_id":"1","content":"x"}""", "'guild_id' 1 is not a guild of the emulated world.")]
    [InlineData("""{"guild_id":"{guild}"}""", "'content' is missing.")]
    [InlineData("""{"guild_id":"{guild}","content":""}""", "'content' must be 1 to 2000 characters, got 0.")]
    [InlineData("""{"guild_id":"{guild}","channel_id":"{guild}","content":"x"}""", "'channel_id' {guild} is not a channel of guild {guild}.")]
    [InlineData("""{"guild_id":"{guild}","content":"x","tts":true}""", "Unknown property 'tts'; this request takes: guild_id, channel_id, content.")]
    public async Task Bad_message_event_requests_are_400(string body, string expected)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guildId = harness.Emulator.World.Guilds[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var call = await RestCall.PostAsync(ControlUrl(harness, "events/message"), body.Replace("{guild}", guildId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.StartsWith(expected.Replace("{guild}", guildId, StringComparison.Ordinal), call.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_a_rate_starts_changes_and_stops_the_event_source()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var started = await RestCall.PostAsync(ControlUrl(harness, "events/rate"), """{"per_second":25,"events":["MESSAGE_CREATE","TYPING_START"]}""");
        harness.Advance(TimeSpan.FromSeconds(1));
        var emitted = harness.Emulator.Events.EmittedCount;
        var stopped = await RestCall.PostAsync(ControlUrl(harness, "events/rate"), """{"per_second":0}""");
        var bad = await RestCall.PostAsync(ControlUrl(harness, "events/rate"), """{"per_second":5,"events":["GUILD_CREATE"]}""");

        Assert.Equal("""{"per_second":25,"events":["MESSAGE_CREATE","TYPING_START"]}""", started.Body);
        Assert.Equal(25, emitted);
        Assert.Equal("""{"per_second":0,"events":[]}""", stopped.Body);
        Assert.Equal(0, harness.Emulator.Events.EventsPerSecond);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("\"GUILD_CREATE\" is not one of them", bad.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "sessions")]
    [InlineData("GET", "faults")]
    [InlineData("GET", "events/rate")]
    public async Task The_wrong_method_is_405(string method, string path)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.SendAsync(new HttpMethod(method), ControlUrl(harness, path), jsonBody: method == "POST" ? "{}" : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, call.Status);
    }

    private static string ControlUrl(EmulatorHarness harness, string path) => new Uri(harness.Emulator.BaseAddress, $"_emulator/{path}").ToString();
}
