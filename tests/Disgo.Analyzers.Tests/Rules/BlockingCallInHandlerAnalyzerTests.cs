using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.BlockingCallInHandlerAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class BlockingCallInHandlerAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models;
        using Disgo.Models.Events;
        using Disgo.Models.Gateway;

        """;

    [Fact]
    public Task Each_kind_of_blocking_call_in_a_handler_is_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message)
            {
                var lookup = Task.FromResult(1);
                _ = [|lookup.Result|];
                [|lookup.Wait()|];
                _ = [|lookup.GetAwaiter().GetResult()|];
                _ = [|lookup.ConfigureAwait(false).GetAwaiter().GetResult()|];
                _ = [|new ValueTask<int>(lookup).Result|];
                [|Thread.Sleep(10)|];
            }
        }
        """);

    [Fact]
    public Task Message_names_the_call_and_the_handler() => Verify.VerifyAsync(
        Usings + """
        public static class Lifecycle
        {
            [On]
            public static void OnReady(Ready ready) => {|#0:Thread.Sleep(10)|};
        }
        """,
        Verify.Diagnostic(DiagnosticIds.BlockingCallInHandler).WithLocation(0).WithArguments("Thread.Sleep", "Lifecycle.OnReady"));

    [Fact]
    public Task Awaiting_and_blocking_outside_handlers_are_not_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public async ValueTask OnMessage(Message message)
            {
                var lookup = Task.FromResult(1);
                _ = await lookup;
                await Task.Delay(10);
                // Runs on the thread pool, not on the shard's dispatch.
                _ = Task.Run(() => lookup.Wait());
                if (lookup.IsCompletedSuccessfully)
                {
                    _ = Helper(lookup);
                }
            }

            private static int Helper(Task<int> lookup) => lookup.Result;
        }
        """);

    [Fact]
    public Task Projects_without_Disgo_are_not_analyzed() => Verify.VerifyAsync(
        """
        public static class Worker
        {
            public static void Run() => System.Threading.Thread.Sleep(10);
        }
        """,
        withDisgo: false);
}
