using System.Text;
using Disgo.Gateway;
using Disgo.Gateway.Dispatch;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;
using Disgo.Runtime.Tests.Models;
using Disgo.Runtime.Tests.Session;
using Microsoft.Extensions.Logging;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>
/// Runs the dispatcher the generator wrote for <see cref="RecordingBot"/> on real dispatch payloads, through
/// <see cref="IGatewayDispatcher"/> as a session does.
/// </summary>
public sealed class GeneratedDispatcherTests
{
    private const string SessionId = "9f2c4a51b1e0c1c3e6a0f7b2d4c8e911";

    private readonly CallLog _log = new();
    private readonly CapturingLoggerFactory _loggers = new();
    private readonly RecordingCommandSender _commands = new();
    private readonly IGatewayDispatcher _bot;

    public GeneratedDispatcherTests()
    {
        Housekeeping.Log = _log;
        _bot = RecordingBot.Create(new Chat(_log), new Faulty(_log), _loggers.CreateLogger("bot"), _commands);
    }

    [Theory]
    [InlineData("MESSAGE_CREATE", true)]
    [InlineData("READY", true)]
    [InlineData("INTERACTION_CREATE", true)]
    [InlineData("MESSAGE_DELETE", true)]
    [InlineData("TYPING_START", true)]
    [InlineData("MESSAGE_UPDATE", false)]
    [InlineData("GUILD_CREATE", false)]
    [InlineData("MESSAGE_CREATED", false)]
    [InlineData("MESSAGE_CREAT", false)]
    [InlineData("message_create", false)]
    [InlineData("", false)]
    public void Handles_exactly_the_events_some_handler_takes(string eventName, bool handled)
    {
        Assert.Equal(handled, _bot.Handles(Encoding.UTF8.GetBytes(eventName)));
    }

    [Fact]
    public async Task Every_handler_of_an_event_runs_in_declaration_order_on_one_deserialized_model()
    {
        await DispatchFixtureAsync("message_create.json", shardId: 0);

        Assert.Equal(["Chat.OnMessage", "Faulty.ThrowsAtOnce", "Faulty.ThrowsLater", "Housekeeping.OnMessageOnShardZero"], _log.Handlers);
        var message = Assert.IsType<Message>(_log.Calls[0].Model);
        Assert.Equal("<@80351110224678912> the nightly build is done, see below", message.Content);
        Assert.All(_log.Calls, call => Assert.Same(message, call.Model));
    }

    [Fact]
    public async Task The_context_names_the_shard_session_and_sequence_of_the_event()
    {
        await DispatchFixtureAsync("message_create.json", shardId: 0);

        var context = _log.Calls[0].Context;
        Assert.Equal(0, context.ShardId);
        Assert.Equal(new SessionId(SessionId), context.SessionId);
        Assert.Equal(4, context.Sequence);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_with_event_shard_and_sequence_and_the_others_still_run()
    {
        await DispatchFixtureAsync("message_create.json", shardId: 0);

        Assert.Contains("Housekeeping.OnMessageOnShardZero", _log.Handlers);
        var failures = _loggers.Entries.Where(entry => entry.Level == LogLevel.Error).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal(
            "Handler Disgo.Runtime.Tests.Generated.Faulty.ThrowsAtOnce failed on MESSAGE_CREATE (shard 0, sequence 4); the event's other handlers still run",
            failures[0].Message);
        Assert.Equal("failed at once", failures[0].Exception?.Message);
        Assert.Contains("Faulty.ThrowsLater failed on MESSAGE_CREATE (shard 0, sequence 4)", failures[1].Message, StringComparison.Ordinal);
        Assert.Equal("failed later", failures[1].Exception?.Message);
    }

    [Fact]
    public async Task An_event_no_handler_takes_is_skipped_without_being_deserialized()
    {
        // Not JSON at all: any attempt to deserialize it would throw.
        await _bot.DispatchAsync(Dispatch("GUILD_CREATE", "{not json"u8.ToArray(), sequence: 9, shardId: 0), CancellationToken.None);

        Assert.Empty(_log.Calls);
        Assert.Empty(_loggers.Entries);
    }

    [Fact]
    public async Task A_handled_event_whose_data_does_not_fit_its_model_fails_before_any_handler_runs()
    {
        var dispatch = Dispatch("MESSAGE_CREATE", "{not json"u8.ToArray(), sequence: 9, shardId: 0);

        var failure = await Assert.ThrowsAsync<GatewayDecodeException>(() => _bot.DispatchAsync(dispatch, CancellationToken.None).AsTask());

        Assert.Contains("MESSAGE_CREATE", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_log.Calls);
    }

    [Fact]
    public async Task A_handler_limited_to_shard_zero_is_not_called_on_other_shards()
    {
        await DispatchFixtureAsync("message_create.json", shardId: 1);

        Assert.Equal(["Chat.OnMessage", "Faulty.ThrowsAtOnce", "Faulty.ThrowsLater"], _log.Handlers);
        Assert.All(_log.Calls, call => Assert.Equal(1, call.Context.ShardId));
    }

    [Fact]
    public async Task An_event_whose_handlers_are_all_limited_is_not_deserialized_on_other_shards()
    {
        await _bot.DispatchAsync(Dispatch("TYPING_START", "{not json"u8.ToArray(), sequence: 79, shardId: 1), CancellationToken.None);
        await DispatchFixtureAsync("typing_start.json", shardId: 3);

        var call = Assert.Single(_log.Calls);
        Assert.Equal("Housekeeping.OnTyping", call.Handler);
        Assert.Equal(3, call.Context.ShardId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000123), Assert.IsType<TypingStart>(call.Model).Timestamp);
    }

    [Fact]
    public async Task Cancellation_while_the_session_stops_ends_the_delivery_without_reporting_a_failure()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        var frame = GatewayFrame.Load("message_delete.json");

        await Assert.ThrowsAsync<OperationCanceledException>(() => _bot.DispatchAsync(Dispatch(frame, shardId: 0), stopping.Token).AsTask());

        Assert.Equal(["Faulty.CancelsWhenStopping"], _log.Handlers);
        Assert.Empty(_loggers.Entries);
    }

    [Fact]
    public async Task READY_is_delivered_with_no_session_yet()
    {
        var frame = GatewayFrame.Load("ready.json");

        await _bot.DispatchAsync(new GatewayDispatch(Encoding.UTF8.GetBytes(frame.EventName!), frame.Data, frame.Sequence!.Value, 2, sessionId: null), CancellationToken.None);

        var call = Assert.Single(_log.Calls);
        Assert.True(call.Context.SessionId.IsNone);
        Assert.Equal("disgo-test-bot", Assert.IsType<Ready>(call.Model).User.Username);
    }

    [Fact]
    public async Task Handlers_send_commands_on_their_event_s_session()
    {
        await DispatchFixtureAsync("interaction_create.json", shardId: 0);

        var (target, opcode, data) = Assert.Single(_commands.Sent);
        Assert.Equal("session " + SessionId, target);
        Assert.Equal(GatewayOpcode.PresenceUpdate, opcode);
        Assert.Contains("\"status\":\"idle\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public void The_required_intents_are_the_union_of_the_handled_events_intents()
    {
        // MESSAGE_CREATE and MESSAGE_DELETE (guild and DM forms), TYPING_START (both forms); READY and INTERACTION_CREATE are ungated.
        Assert.Equal(
            GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | GatewayIntents.GuildMessageTyping | GatewayIntents.DirectMessageTyping,
            RecordingBot.RequiredIntents);
        Assert.Equal(RecordingBot.RequiredIntents, RecordingBot.Intents);
        Assert.Equal(ShardSet.Fixed(4), RecordingBot.Shards);
        Assert.Null(RecordingBot.LargeThreshold);
    }

    [Fact]
    public async Task Create_from_services_constructs_handlers_with_their_dependencies()
    {
        var services = new ServiceMap().Add(_log).Add<ILoggerFactory>(_loggers).Add<IGatewayCommandSender>(_commands);

        var bot = Start<RecordingBot>(services);
        await bot.DispatchAsync(Dispatch(GatewayFrame.Load("interaction_create.json"), shardId: 0), CancellationToken.None);
        await bot.DispatchAsync(Dispatch(GatewayFrame.Load("message_create.json"), shardId: 0), CancellationToken.None);

        Assert.Equal(["Chat.OnInteraction", "Chat.OnMessage", "Faulty.ThrowsAtOnce", "Faulty.ThrowsLater", "Housekeeping.OnMessageOnShardZero"], _log.Handlers);
        Assert.Single(_commands.Sent);
        Assert.Contains(_loggers.Entries, entry => entry.Level == LogLevel.Error && entry.Category == "Disgo.Runtime.Tests.Generated.RecordingBot");
    }

    [Fact]
    public void Create_from_services_names_the_missing_dependency()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => RecordingBot.Create(new ServiceMap()));

        Assert.Equal(
            "Disgo.Runtime.Tests.Generated.Chat needs a Disgo.Runtime.Tests.Generated.CallLog for its constructor parameter 'log', and the service provider has none registered.",
            failure.Message);
    }

    [Fact]
    public async Task Without_a_command_sender_a_handler_is_told_why_it_cannot_send()
    {
        var bot = RecordingBot.Create(new Chat(_log), new Faulty(_log), _loggers.CreateLogger("bot"));

        await bot.DispatchAsync(Dispatch(GatewayFrame.Load("interaction_create.json"), shardId: 0), CancellationToken.None);

        var failure = Assert.Single(_loggers.Entries, entry => entry.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains("No IGatewayCommandSender", failure.Exception.Message, StringComparison.Ordinal);
    }

    /// <summary>How hosting code starts any generated bot: through the interface's static members, without reflection.</summary>
    private static IGatewayDispatcher Start<TBot>(IServiceProvider services)
        where TBot : class, IDiscordBot<TBot> => TBot.Create(services);

    private Task DispatchFixtureAsync(string fixture, int shardId) =>
        _bot.DispatchAsync(Dispatch(GatewayFrame.Load(fixture), shardId), CancellationToken.None).AsTask();

    private static GatewayDispatch Dispatch(GatewayFrame frame, int shardId) =>
        Dispatch(frame.EventName!, frame.Data, frame.Sequence!.Value, shardId);

    private static GatewayDispatch Dispatch(string eventName, ReadOnlyMemory<byte> data, long sequence, int shardId) =>
        new(Encoding.UTF8.GetBytes(eventName), data, sequence, shardId, SessionId);
}
