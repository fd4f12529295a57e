using System.Text.Json;
using System.Text.Json.Nodes;
using Disgo.Models;
using Disgo.Models.Gateway;
using Disgo.Serialization;

namespace Disgo.Runtime.Tests.Models;

public sealed class GatewayCommandTests
{
    private const string Token = "MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC10b2tlbg";

    [Fact]
    public void Identify_from_the_docs_example_reads_every_field()
    {
        var frame = GatewayFrame.Load("identify.json");
        var identify = frame.Deserialize(DisgoJsonContext.Default.Identify);

        Assert.Equal(GatewayOpcode.Identify, frame.Opcode);
        Assert.Equal(Token, identify.Token);
        Assert.Equal("linux", identify.Properties.Os);
        Assert.Equal("disco", identify.Properties.Browser);
        Assert.Equal("disco", identify.Properties.Device);
        Assert.True(identify.Compress);
        Assert.Equal(250, identify.LargeThreshold);
        Assert.Equal(new ShardInfo(0, 1), identify.Shard);
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildModeration, identify.Intents);
        var presence = Assert.IsType<UpdatePresence>(identify.Presence);
        Assert.Equal(PresenceStatus.DoNotDisturb, presence.Status);
        Assert.Equal(91879201, presence.Since);
        Assert.False(presence.Afk);
        var activity = Assert.Single(presence.Activities);
        Assert.Equal("Cards Against Humanity", activity.Name);
        Assert.Equal(ActivityType.Playing, activity.Type);
    }

    [Fact]
    public void Identify_writes_back_exactly_what_it_read()
    {
        var frame = GatewayFrame.Load("identify.json");
        var identify = frame.Deserialize(DisgoJsonContext.Default.Identify);

        var written = WireJson.Write(identify, DisgoJsonContext.Default.Identify);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(frame.Data.Span), written), written.ToJsonString());
    }

    [Fact]
    public void Identify_payload_writes_shard_as_a_pair_intents_as_a_number_and_no_s_or_t()
    {
        var payload = new GatewayPayload<Identify>
        {
            Opcode = GatewayOpcode.Identify,
            Data = new Identify
            {
                Token = Token,
                Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent,
                Shard = new ShardInfo(3, 16),
                LargeThreshold = 100,
            },
        };

        var json = WireJson.Write(payload, DisgoJsonContext.Default.IdentifyPayload).AsObject();

        Assert.Equal(["op", "d"], json.Select(property => property.Key));
        Assert.Equal(2, json["op"]!.GetValue<int>());
        var d = json["d"]!.AsObject();
        Assert.Equal("[3,16]", d["shard"]!.ToJsonString());
        Assert.Equal(33281, d["intents"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Number, d["intents"]!.GetValueKind());
        Assert.Equal(Token, d["token"]!.GetValue<string>());
        Assert.Equal(IdentifyProperties.Default.Os, d["properties"]!["os"]!.GetValue<string>());
        Assert.Equal("Disgo", d["properties"]!["browser"]!.GetValue<string>());
        Assert.False(d.ContainsKey("compress"));
        Assert.False(d.ContainsKey("presence"));
    }

    [Fact]
    public void Identify_and_resume_never_show_the_token_in_text()
    {
        var identify = GatewayFrame.Load("identify.json").Deserialize(DisgoJsonContext.Default.Identify);
        var resume = GatewayFrame.Load("resume.json").Deserialize(DisgoJsonContext.Default.Resume);
        var payload = new GatewayPayload<Identify> { Opcode = GatewayOpcode.Identify, Data = identify };

        foreach (var text in new[] { identify.ToString(), resume.ToString(), payload.ToString(), $"{identify}", $"{resume}" })
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token[..8], text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token[^8..], text, StringComparison.Ordinal);
        }
        Assert.Contains("(redacted)", identify.ToString(), StringComparison.Ordinal);
        Assert.Contains("[0, 1]", identify.ToString(), StringComparison.Ordinal);
        Assert.Contains("ac3c6b0c9e2f4d6a8b1e3f5a7c9d0b2e", resume.ToString(), StringComparison.Ordinal);
        Assert.Contains("1337", resume.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_reads_and_writes_token_session_and_seq()
    {
        var frame = GatewayFrame.Load("resume.json");
        var resume = frame.Deserialize(DisgoJsonContext.Default.Resume);

        Assert.Equal(GatewayOpcode.Resume, frame.Opcode);
        Assert.Equal(Token, resume.Token);
        Assert.Equal("ac3c6b0c9e2f4d6a8b1e3f5a7c9d0b2e", resume.SessionId);
        Assert.Equal(1337, resume.Sequence);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(frame.Data.Span), WireJson.Write(resume, DisgoJsonContext.Default.Resume)));
    }

    [Theory]
    [InlineData(null, """{"op":1,"d":null}""")]
    [InlineData(251L, """{"op":1,"d":251}""")]
    public void Heartbeat_always_writes_d_even_when_null(long? sequence, string expected)
    {
        var heartbeat = new GatewayPayload<long?> { Opcode = GatewayOpcode.Heartbeat, Data = sequence };

        Assert.Equal(expected, JsonSerializer.Serialize(heartbeat, DisgoJsonContext.Default.HeartbeatPayload));
    }

    [Fact]
    public void Update_presence_writes_since_null_and_status_as_a_name()
    {
        var presence = new UpdatePresence
        {
            Status = PresenceStatus.Idle,
            Activities = [new Activity { Name = "shards", Type = ActivityType.Watching }],
        };

        var json = JsonSerializer.Serialize(presence, DisgoJsonContext.Default.UpdatePresence);

        Assert.Equal("""{"since":null,"activities":[{"name":"shards","type":3}],"status":"idle","afk":false}""", json);
    }

    [Theory]
    [InlineData(PresenceStatus.Online, "online")]
    [InlineData(PresenceStatus.Idle, "idle")]
    [InlineData(PresenceStatus.DoNotDisturb, "dnd")]
    [InlineData(PresenceStatus.Invisible, "invisible")]
    [InlineData(PresenceStatus.Offline, "offline")]
    public void Presence_status_round_trips_as_Discords_name(PresenceStatus status, string name)
    {
        var json = JsonSerializer.Serialize(status, DisgoJsonContext.Default.PresenceStatus);

        Assert.Equal($"\"{name}\"", json);
        Assert.Equal(status, JsonSerializer.Deserialize(json, DisgoJsonContext.Default.PresenceStatus));
    }

    [Theory]
    [InlineData("\"busy\"")]
    [InlineData("\"ONLINE\"")]
    [InlineData("1")]
    public void An_unknown_status_in_a_command_is_an_error(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, DisgoJsonContext.Default.PresenceStatus));
    }

    [Fact]
    public void Request_for_every_member_writes_an_empty_query_and_limit_zero()
    {
        var request = new RequestGuildMembers { GuildId = new Snowflake(81384788765712384), Query = "", Limit = 0, Nonce = "members-7" };

        var json = JsonSerializer.Serialize(request, DisgoJsonContext.Default.RequestGuildMembers);

        Assert.Equal("""{"guild_id":"81384788765712384","query":"","limit":0,"nonce":"members-7"}""", json);
    }

    [Fact]
    public void Request_by_user_ids_writes_them_as_strings()
    {
        var request = new RequestGuildMembers
        {
            GuildId = new Snowflake(81384788765712384),
            UserIds = [new Snowflake(80351110224678912), new Snowflake(1101195331338166272)],
            Presences = true,
        };

        var json = JsonSerializer.Serialize(request, DisgoJsonContext.Default.RequestGuildMembers);

        Assert.Equal("""{"guild_id":"81384788765712384","limit":0,"presences":true,"user_ids":["80351110224678912","1101195331338166272"]}""", json);
    }

    [Fact]
    public void Leaving_voice_writes_a_null_channel()
    {
        var leave = new UpdateVoiceState { GuildId = new Snowflake(41771983423143937), SelfDeaf = true };

        var json = JsonSerializer.Serialize(leave, DisgoJsonContext.Default.UpdateVoiceState);

        Assert.Equal("""{"guild_id":"41771983423143937","channel_id":null,"self_mute":false,"self_deaf":true}""", json);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, 2)]
    [InlineData(5, 3)]
    public void Shard_info_rejects_an_impossible_pair(int shardId, int shardCount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardInfo(shardId, shardCount));
    }

    [Theory]
    [InlineData("[1,1]")]
    [InlineData("[0]")]
    [InlineData("[0,1,2]")]
    [InlineData("[\"0\",\"1\"]")]
    [InlineData("\"0,1\"")]
    [InlineData("{\"shard_id\":0}")]
    public void Shard_JSON_that_is_not_a_valid_pair_is_an_error(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, DisgoJsonContext.Default.ShardInfo));
    }

    [Fact]
    public void Shard_info_knows_which_guilds_it_receives()
    {
        var shard = new ShardInfo(2, 4);

        Assert.True(shard.Receives(new Snowflake(81384788765712384)));
        Assert.False(shard.Receives(new Snowflake(336642139381301249)));
    }

    [Fact]
    public void Invalid_session_payload_reads_its_boolean()
    {
        var payload = JsonSerializer.Deserialize("""{"t":null,"s":null,"op":9,"d":true}""", DisgoJsonContext.Default.InvalidSessionPayload)!;

        Assert.Equal(GatewayOpcode.InvalidSession, payload.Opcode);
        Assert.True(payload.Data);
    }

    [Fact]
    public void Hello_reads_the_heartbeat_interval_and_ignores_the_trace()
    {
        var frame = GatewayFrame.Load("hello.json");
        var hello = frame.Deserialize(DisgoJsonContext.Default.Hello);

        Assert.Equal(GatewayOpcode.Hello, frame.Opcode);
        Assert.Null(frame.Sequence);
        Assert.Null(frame.EventName);
        Assert.Equal(41250, hello.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(41250), hello.HeartbeatPeriod);
    }
}
