using Disgo.Generator.Tests.Infrastructure;
using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Generator.Tests;

/// <summary>
/// A declaration that breaks a blocking rule gets no generated code and no diagnostic from the generator: the
/// shared rules (which the analyzers report) name the problem. Rules that do not block leave generation alone.
/// </summary>
public sealed class InvalidInputTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models;
        using Disgo.Models.Events;
        using Disgo.Models.Gateway;
        namespace Cases;

        """;

    private const string ReadyHandler = "public static class H { [On] public static void OnReady(Ready ready) { } }";

    private static readonly Dictionary<string, (BotRule Rule, string Source)> Blocking = new()
    {
        ["bot not partial"] = (BotRule.BotNotPartial, $"[DiscordBot] [Handlers(typeof(H))] public sealed class Bot {{ }} {ReadyHandler}"),
        ["static bot"] = (BotRule.BotShapeUnsupported, $"[DiscordBot] [Handlers(typeof(H))] public static partial class Bot; {ReadyHandler}"),
        ["abstract bot"] = (BotRule.BotShapeUnsupported, $"[DiscordBot] [Handlers(typeof(H))] public abstract partial class Bot; {ReadyHandler}"),
        ["generic bot"] = (BotRule.BotShapeUnsupported, $"[DiscordBot] [Handlers(typeof(H))] public partial class Bot<T>; {ReadyHandler}"),
        ["record bot"] = (BotRule.BotShapeUnsupported, $"[DiscordBot] [Handlers(typeof(H))] public partial record Bot; {ReadyHandler}"),
        ["bot named like a generated member"] = (BotRule.BotShapeUnsupported, $"[DiscordBot] [Handlers(typeof(H))] public partial class Create; {ReadyHandler}"),
        ["bot in a class that is not partial"] = (BotRule.BotContainerUnsupported, $"public class Outer {{ [DiscordBot] [Handlers(typeof(H))] public partial class Bot; }} {ReadyHandler}"),
        ["bot in a generic class"] = (BotRule.BotContainerUnsupported, $"public partial class Outer<T> {{ [DiscordBot] [Handlers(typeof(H))] public partial class Bot; }} {ReadyHandler}"),
        ["bot with a method"] = (BotRule.BotHasMembers, $"[DiscordBot] [Handlers(typeof(H))] public partial class Bot {{ public void Run() {{ }} }} {ReadyHandler}"),
        ["bot with a constructor"] = (BotRule.BotHasMembers, $"[DiscordBot] [Handlers(typeof(H))] public partial class Bot {{ public Bot(int x) {{ }} }} {ReadyHandler}"),
        ["bot with a primary constructor"] = (BotRule.BotHasMembers, $"[DiscordBot] [Handlers(typeof(H))] public partial class Bot(int x); {ReadyHandler}"),
        ["bot with a base class"] = (BotRule.BotHasMembers, $"public class Base {{ }} [DiscordBot] [Handlers(typeof(H))] public partial class Bot : Base; {ReadyHandler}"),
        ["struct handler"] = (BotRule.HandlerTypeUnusable, "[DiscordBot] [Handlers(typeof(S))] public partial class Bot; public struct S { [On] public void OnReady(Ready ready) { } }"),
        ["generic handler"] = (BotRule.HandlerTypeUnusable, "[DiscordBot] [Handlers(typeof(G<int>))] public partial class Bot; public class G<T> { [On] public void OnReady(Ready ready) { } }"),
        ["handler nested in a generic class"] = (BotRule.HandlerTypeUnusable, "[DiscordBot] [Handlers(typeof(G<int>.H))] public partial class Bot; public class G<T> { public class H { [On] public void OnReady(Ready ready) { } } }"),
        ["private handler class of another class"] = (BotRule.HandlerTypeUnusable, "[DiscordBot] [Handlers(typeof(Other.H))] public partial class Bot; public class Other { private class H { [On] public void OnReady(Ready ready) { } } }"),
        ["abstract handler with instance handlers"] = (BotRule.HandlerTypeUnusable, "[DiscordBot] [Handlers(typeof(A))] public partial class Bot; public abstract class A { [On] public void OnReady(Ready ready) { } }"),
        ["null handler type"] = (BotRule.HandlerTypeUnusable, $"[DiscordBot] [Handlers((Type)null!)] public partial class Bot; {ReadyHandler}"),
        ["handler listed twice"] = (BotRule.HandlerTypeRepeated, $"[DiscordBot] [Handlers(typeof(H))] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["handler with two constructors"] = (BotRule.HandlerConstructorUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { public C() { } public C(int x) { } [On] public void OnReady(Ready ready) { } }"),
        ["handler with a private constructor"] = (BotRule.HandlerConstructorUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { private C() { } [On] public void OnReady(Ready ready) { } }"),
        ["handler constructor taking a reference"] = (BotRule.HandlerConstructorUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { public C(in int x) { } [On] public void OnReady(Ready ready) { } }"),
        ["handler constructor taking a span"] = (BotRule.HandlerConstructorUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { public C(Span<byte> x) { } [On] public void OnReady(Ready ready) { } }"),
        ["private handler method"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] private void OnReady(Ready ready) { } public void Use() => OnReady(null!); }"),
        ["protected handler method"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] protected void OnReady(Ready ready) { } }"),
        ["generic handler method"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnReady<T>(Ready ready) { } }"),
        ["handler without parameters"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On(GatewayEvents.Ready)] public void OnReady() { } }"),
        ["handler with three parameters"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnReady(Ready ready, DispatchContext context, int x) { } }"),
        ["handler taking the model by reference"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnReady(in Ready ready) { } }"),
        ["handler whose second parameter is not a context"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnReady(Ready ready, int shard) { } }"),
        ["handler returning an int"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public int OnReady(Ready ready) => 0; }"),
        ["handler returning a ValueTask of int"] = (BotRule.HandlerMethodUnusable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public ValueTask<int> OnReady(Ready ready) => new(0); }"),
        ["async void handler"] = (BotRule.HandlerMethodAsyncVoid, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public async void OnReady(Ready ready) => await Task.Yield(); }"),
        ["misspelt event"] = (BotRule.UnknownEvent, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On(\"MESSAGE_CRATE\")] public void OnMessage(Message message) { } }"),
        ["null event"] = (BotRule.UnknownEvent, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On(null!)] public void OnMessage(Message message) { } }"),
        ["event without a model"] = (BotRule.EventWithoutModel, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On(GatewayEvents.GuildUpdate)] public void OnGuild(GuildCreate guild) { } }"),
        ["event taking another model"] = (BotRule.EventModelMismatch, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On(GatewayEvents.Ready)] public void OnReady(Message message) { } }"),
        ["inferred event of a type no event carries"] = (BotRule.EventNotInferable, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnText(string text) { } }"),
        ["inferred event of a model two events carry"] = (BotRule.EventAmbiguous, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnMessage(Message message) { } }"),
        ["no shards"] = (BotRule.ShardsInvalid, $"[DiscordBot] [Shards(0)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["first shard past the total"] = (BotRule.ShardsInvalid, $"[DiscordBot] [Shards(4, FirstShard = 4)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["shard range past the total"] = (BotRule.ShardsInvalid, $"[DiscordBot] [Shards(4, FirstShard = 2, ShardCount = 3)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["negative shard count"] = (BotRule.ShardsInvalid, $"[DiscordBot] [Shards(4, ShardCount = -1)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["handler limited to no shard"] = (BotRule.OnlyShardsInvalid, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] [OnlyShards] public void OnReady(Ready ready) { } }"),
        ["handler limited to a negative shard"] = (BotRule.OnlyShardsInvalid, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; [OnlyShards(-1)] public class C { [On] public void OnReady(Ready ready) { } }"),
        ["handler limited to a shard past the total"] = (BotRule.OnlyShardsInvalid, "[DiscordBot] [Shards(2)] [Handlers(typeof(C))] public partial class Bot; public class C { [On] [OnlyShards(2)] public void OnReady(Ready ready) { } }"),
        ["large threshold out of range"] = (BotRule.LargeThresholdOutOfRange, $"[DiscordBot(LargeThreshold = 10)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
        ["undocumented intent bits"] = (BotRule.IntentsUndocumented, $"[DiscordBot] [Intents((GatewayIntents)(1L << 17))] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
    };

    private static readonly Dictionary<string, (BotRule Rule, string Source)> NotBlocking = new()
    {
        ["handler class without handlers"] = (BotRule.HandlerTypeWithoutHandlers, $"[DiscordBot] [Handlers(typeof(H), typeof(Empty))] public partial class Bot; public class Empty {{ }} {ReadyHandler}"),
        ["handler limited to shards the process does not run"] = (BotRule.OnlyShardsNotRun, "[DiscordBot] [Shards(8, FirstShard = 4)] [Handlers(typeof(C))] public partial class Bot; public class C { [On] [OnlyShards(0)] public void OnReady(Ready ready) { } }"),
        ["explicit intents missing a handled event's"] = (BotRule.IntentsMissingRequired, "[DiscordBot] [Intents(GatewayIntents.Guilds)] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnTyping(TypingStart typing) { } }"),
        ["privileged intents derived from handlers"] = (BotRule.PrivilegedIntentsRequired, "[DiscordBot] [Handlers(typeof(C))] public partial class Bot; public class C { [On] public void OnPresence(PresenceUpdate presence) { } }"),
        ["privileged intents set explicitly"] = (BotRule.PrivilegedIntentsRequired, $"[DiscordBot] [Intents(GatewayIntents.MessageContent)] [Handlers(typeof(H))] public partial class Bot; {ReadyHandler}"),
    };

    public static TheoryData<string> BlockingCases => [.. Blocking.Keys];

    public static TheoryData<string> NotBlockingCases => [.. NotBlocking.Keys];

    [Theory]
    [MemberData(nameof(BlockingCases))]
    public void A_blocking_problem_generates_nothing_and_adds_no_diagnostic(string name)
    {
        var run = GeneratorRun.Run(Usings + Blocking[name].Source);

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            run.Input.GetDiagnostics().Select(diagnostic => diagnostic.ToString()),
            run.Output.GetDiagnostics().Select(diagnostic => diagnostic.ToString()));
    }

    [Theory]
    [MemberData(nameof(BlockingCases))]
    public void The_shared_rules_name_the_blocking_problem(string name)
    {
        var (rule, source) = Blocking[name];

        var declaration = BotReading.Read(Usings + source);

        Assert.False(declaration.IsValid);
        Assert.Contains(rule, declaration.Problems.Select(problem => problem.Rule));
        Assert.All(declaration.Problems.Where(problem => problem.Rule == rule), problem => Assert.DoesNotContain("{", problem.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NotBlockingCases))]
    public void A_problem_that_does_not_block_is_named_and_the_bot_still_generates(string name)
    {
        var (rule, source) = NotBlocking[name];

        var declaration = BotReading.Read(Usings + source);
        var run = GeneratorRun.Run(Usings + source);

        Assert.True(declaration.IsValid);
        Assert.Contains(rule, declaration.Problems.Select(problem => problem.Rule));
        Assert.Single(run.Result.GeneratedSources);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Valid_bots_break_no_rule_at_all()
    {
        var declaration = BotReading.Read(Usings + $"[DiscordBot] [Shards(2)] [Handlers(typeof(H))] public sealed partial class Bot; {ReadyHandler}");

        Assert.Empty(declaration.Problems);
    }

    [Fact]
    public void The_generated_half_of_a_bot_breaks_no_rule_when_analyzers_see_it()
    {
        var run = GeneratorRun.Run(Usings + $"[DiscordBot] [Handlers(typeof(H))] public sealed partial class Bot; {ReadyHandler}");

        var declaration = BotReading.Read(run.Output);

        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(declaration.Problems);
    }

    [Fact]
    public void Every_generated_member_name_is_reserved_for_bots()
    {
        var run = GeneratorRun.Run(Usings + "[DiscordBot] [Handlers(typeof(C))] public sealed partial class Bot; public class C { [On] public void OnReady(Ready ready) { } }");
        var bot = run.Output.GetTypeByMetadataName("Cases.Bot")!;

        var generated = bot.GetMembers().Where(member => !member.IsImplicitlyDeclared && member is not IFieldSymbol and not IMethodSymbol { AssociatedSymbol: not null } && member.Name != ".ctor").Select(member => member.Name).Distinct().ToList();

        Assert.Contains("OnReadyAsync", generated);
        Assert.All(generated, name => Assert.True(GeneratedMembers.Clash(name), $"A bot named {name} would clash with its generated member."));
    }

    [Fact]
    public void A_compilation_without_Disgo_generates_nothing()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoDisgo",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Disgo; public sealed class DiscordBotAttribute : System.Attribute; [DiscordBot] public partial class Bot;")],
            Basic.Reference.Assemblies.Net100.References.All);

        var run = GeneratorRun.Run(compilation);

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Null(run.Result.Exception);
    }
}
