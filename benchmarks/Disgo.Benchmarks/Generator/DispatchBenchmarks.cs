using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Disgo.Benchmarks.Gateway;
using Disgo.Gateway.Dispatch;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// One dispatch through the generated dispatcher of <see cref="DispatchBenchmarkBot"/>, against reflection-based
/// dispatchers of the same handlers (<see cref="ReflectionDispatcher"/>, calling them by
/// <c>MethodInfo.Invoke</c> or by compiled delegates). Each operation is
/// what the session does with an event: ask <see cref="IGatewayDispatcher.Handles"/>, then deliver it.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class DispatchBenchmarks
{
    private const string MessageCreate = "MESSAGE_CREATE, ~1 KB, 4 handlers";
    private const string MessageDelete = "MESSAGE_DELETE, 2 handlers";
    private const string TypingStart = "TYPING_START, no handler";

    private readonly DispatchTally _tally = new();
    private IGatewayDispatcher _generated = null!;
    private IGatewayDispatcher _invoked = null!;
    private IGatewayDispatcher _compiled = null!;
    private GatewayDispatch _messageCreate;
    private GatewayDispatch _messageDelete;
    private GatewayDispatch _typingStart;

    [GlobalSetup]
    public void Setup()
    {
        Type[] handlerTypes = [typeof(ModerationHandlers), typeof(CommandHandlers), typeof(StatisticsHandlers)];
        var moderation = new ModerationHandlers(_tally);
        var commands = new CommandHandlers(_tally);
        var instances = new Dictionary<Type, object> { [typeof(ModerationHandlers)] = moderation, [typeof(CommandHandlers)] = commands };
        _generated = DispatchBenchmarkBot.Create(moderation, commands);
        _invoked = new ReflectionDispatcher(handlerTypes, instances, ReflectionInvocation.MethodInfoInvoke);
        _compiled = new ReflectionDispatcher(handlerTypes, instances, ReflectionInvocation.CompiledDelegate);

        _messageCreate = Dispatch("MESSAGE_CREATE", DataOf(MessageCreatePayloads.Create(1)));
        _messageDelete = Dispatch("MESSAGE_DELETE", """{"id":"1323456789012345679","channel_id":"1187000000000000000","guild_id":"1186999999999999999"}"""u8.ToArray());
        _typingStart = Dispatch("TYPING_START", """{"user_id":"1100000000000000001","timestamp":1767607872,"channel_id":"1187000000000000000","guild_id":"1186999999999999999"}"""u8.ToArray());

        // Every dispatcher must do the same work, or the comparison means nothing.
        foreach (var dispatcher in new[] { _generated, _invoked, _compiled })
        {
            ExpectCalls(dispatcher, _messageCreate, 4);
            ExpectCalls(dispatcher, _messageDelete, 2);
            ExpectCalls(dispatcher, _typingStart, 0);
        }
    }

    [Benchmark(Baseline = true, Description = "MethodInfo.Invoke")]
    [BenchmarkCategory(MessageCreate)]
    public long MessageCreateByMethodInfo() => Deliver(_invoked, _messageCreate);

    [Benchmark(Description = "compiled delegates")]
    [BenchmarkCategory(MessageCreate)]
    public long MessageCreateByCompiledDelegates() => Deliver(_compiled, _messageCreate);

    [Benchmark(Description = "generated")]
    [BenchmarkCategory(MessageCreate)]
    public long MessageCreateGenerated() => Deliver(_generated, _messageCreate);

    [Benchmark(Baseline = true, Description = "MethodInfo.Invoke")]
    [BenchmarkCategory(MessageDelete)]
    public long MessageDeleteByMethodInfo() => Deliver(_invoked, _messageDelete);

    [Benchmark(Description = "compiled delegates")]
    [BenchmarkCategory(MessageDelete)]
    public long MessageDeleteByCompiledDelegates() => Deliver(_compiled, _messageDelete);

    [Benchmark(Description = "generated")]
    [BenchmarkCategory(MessageDelete)]
    public long MessageDeleteGenerated() => Deliver(_generated, _messageDelete);

    [Benchmark(Baseline = true, Description = "MethodInfo.Invoke")]
    [BenchmarkCategory(TypingStart)]
    public long TypingStartByMethodInfo() => Deliver(_invoked, _typingStart);

    [Benchmark(Description = "compiled delegates")]
    [BenchmarkCategory(TypingStart)]
    public long TypingStartByCompiledDelegates() => Deliver(_compiled, _typingStart);

    [Benchmark(Description = "generated")]
    [BenchmarkCategory(TypingStart)]
    public long TypingStartGenerated() => Deliver(_generated, _typingStart);

    private long Deliver(IGatewayDispatcher dispatcher, GatewayDispatch dispatch)
    {
        if (dispatcher.Handles(dispatch.EventName.Span))
        {
            var delivery = dispatcher.DispatchAsync(dispatch, CancellationToken.None);
            if (!delivery.IsCompletedSuccessfully)
            {
                delivery.AsTask().GetAwaiter().GetResult();
            }
        }

        return _tally.Weight;
    }

    private void ExpectCalls(IGatewayDispatcher dispatcher, GatewayDispatch dispatch, long expected)
    {
        var before = _tally.Calls + StatisticsHandlers.Tally.Calls;
        Deliver(dispatcher, dispatch);
        var calls = _tally.Calls + StatisticsHandlers.Tally.Calls - before;
        if (calls != expected)
        {
            throw new InvalidOperationException($"{dispatcher.GetType().Name} made {calls} handler calls for {Encoding.UTF8.GetString(dispatch.EventName.Span)}, not {expected}.");
        }
    }

    private static GatewayDispatch Dispatch(string eventName, byte[] data) =>
        new(Encoding.UTF8.GetBytes(eventName), data, sequence: 7, shardId: 0, sessionId: "9f1c2e0d8b7a6c5d4e3f2a1b0c9d8e7f");

    private static byte[] DataOf(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("d").GetRawText());
    }
}
