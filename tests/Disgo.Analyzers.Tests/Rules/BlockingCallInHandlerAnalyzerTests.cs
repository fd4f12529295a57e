using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.BlockingCallInHandlerAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class BlockingCallInHandlerAnalyzerTests
{
    private const string Usings = """
        using System;
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
                _ = {|DISGO5001:lookup.Result|};
                {|DISGO5001:lookup.Wait()|};
                _ = {|DISGO5001:lookup.GetAwaiter().GetResult()|};
                _ = {|DISGO5001:lookup.ConfigureAwait(false).GetAwaiter().GetResult()|};
                _ = {|DISGO5001:new ValueTask<int>(lookup).Result|};
                {|DISGO5001:Thread.Sleep(10)|};
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
                _ = Task.Run(() => Helper(lookup));
                Console.WriteLine(Format(await lookup));
            }

            private static int Helper(Task<int> lookup) => lookup.Result;

            private static string Format(int value) => value.ToString();
        }
        """);

    [Fact]
    public Task Blocking_in_a_method_a_handler_calls_is_reported_at_the_call() => Verify.VerifyAsync(
        Usings + """
        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message)
            {
                var total = {|#0:Lookup.Count(message)|};
                {|#1:Pause()|};
                Console.WriteLine(total);
            }

            private static void Pause() => Thread.Sleep(10);
        }

        public static class Lookup
        {
            public static int Count(Message message) => Task.FromResult(message.Mentions.Count).Result;
        }
        """,
        Verify.Diagnostic(DiagnosticIds.BlockingCallInCalledMethod).WithLocation(0).WithArguments("Lookup.Count", "Task.Result", "Messages.OnMessage"),
        Verify.Diagnostic(DiagnosticIds.BlockingCallInCalledMethod).WithLocation(1).WithArguments("Messages.Pause", "Thread.Sleep", "Messages.OnMessage"));

    // Handlers are bound only when their code names a blocking member or a method whose code does.
    [Fact]
    public Task Blocking_calls_reached_through_static_imports_partial_methods_and_extension_methods_are_reported() => Verify.VerifyAsync(
        Usings.Replace("using System.Threading;", "using static System.Threading.Thread;") + """
        public static partial class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public static partial void OnMessage(Message message);

            public static partial void OnMessage(Message message)
            {
                {|DISGO5001:Sleep(10)|};
                {|DISGO5002:message.Settle()|};
            }
        }

        public static class MessageExtensions
        {
            public static void Settle(this Message message) => Task.Delay(message.Id.Value > 0 ? 10 : 0).Wait();
        }
        """);

    [Fact]
    public Task Blocking_reached_through_a_local_function_a_generic_method_or_a_conditional_call_is_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message)
            {
                {|DISGO5002:Pause()|};
                {|DISGO5002:this.Settle<Message>(message)|};
                _ = message?{|DISGO5002:.Peek()|};

                void Pause() => Thread.Sleep(10);
            }

            private void Settle<T>(T value) => Task.Delay(value is null ? 0 : 10).Wait();
        }

        public static class MessageExtensions
        {
            public static int Peek(this Message message) => Task.FromResult(message.Mentions.Count).Result;
        }
        """);

    [Fact]
    public Task A_call_named_like_a_blocking_method_elsewhere_is_not_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message) => Console.WriteLine(Format(message.Id.Value));

            private static string Format(ulong id) => id.ToString();
        }

        public static class Reports
        {
            public static string Format(Task<string> pending) => pending.Result;
        }
        """);

    [Fact]
    public Task Only_one_level_of_calls_is_followed() => Verify.VerifyAsync(Usings + """
        public static class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public static void OnMessage(Message message) => Outer();

            private static void Outer() => Inner();

            private static void Inner() => Thread.Sleep(10);
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
