using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.SessionHeldByReferenceAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class SessionHeldByReferenceAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Gateway.Session;

        """;

    [Fact]
    public Task Fields_and_auto_properties_holding_sessions_are_reported() => Verify.VerifyAsync(Usings + """
        public sealed class PresenceCache
        {
            private GatewaySession? [|_current|];
            private static GatewaySession? [|s_last|];
            private readonly List<GatewaySession> [|_all|] = [];
            private readonly Dictionary<int, GatewaySession> [|_byShard|] = [];
            private GatewaySession[] [|_array|] = [];

            public GatewaySession? [|Current|] { get; set; }

            public void Remember(GatewaySession session)
            {
                _current = session;
                s_last = session;
                _all.Add(session);
                _byShard[0] = session;
                _array = [session];
            }
        }
        """);

    [Fact]
    public Task Message_names_the_member_and_the_session_type() => Verify.VerifyAsync(
        Usings + """
        public sealed class PresenceCache
        {
            private readonly List<GatewaySession> {|#0:_all|} = [];
        }
        """,
        Verify.Diagnostic(DiagnosticIds.SessionHeldByReference).WithLocation(0).WithArguments("PresenceCache._all", "GatewaySession"));

    [Fact]
    public Task Captured_primary_constructor_parameters_and_closure_variables_are_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Announcer(GatewaySession [|session|])
        {
            public string? Id() => session.SessionId;
        }

        public static class Timers
        {
            public static event Action? Tick;

            public static Func<string?> Watch(GatewaySession [|session|]) => () => session.SessionId;

            public static void Subscribe(GatewaySession [|session|]) => Tick += () => Console.WriteLine(session.SessionId);

            public static Action Later(Func<GatewaySession> create)
            {
                var [|captured|] = create();
                return Report;

                void Report() => Console.WriteLine(captured.SessionId);
            }
        }
        """);

    [Fact]
    public Task Nested_and_partial_types_are_each_reported_once() => Verify.VerifyAsync(Usings + """
        public sealed partial class Outer
        {
            public static Func<string?> Watch(GatewaySession [|session|]) => () => session.SessionId;

            public sealed class Inner
            {
                private GatewaySession? [|_held|];

                public void Keep(GatewaySession session) => _held = session;
            }
        }

        public sealed partial class Outer
        {
            public static Action Later(GatewaySession [|later|]) => () => Console.WriteLine(later.SessionId);
        }
        """);

    [Fact]
    public Task Locals_parameters_and_computed_properties_within_one_method_are_not_reported() => Verify.VerifyAsync(Usings + """
        public sealed class Runner(GatewaySession session)
        {
            // Used by an initializer only: the parameter is not captured, and the property holds a string.
            public string? SessionId { get; } = session.SessionId;

            public static async Task RunAsync(IReadOnlyList<GatewaySession> sessions)
            {
                var first = sessions[0];
                await first.StartAsync();
                await Task.WhenAll(Select(sessions, each => each.StopAsync()));

                // Captured by lambdas and a local function that run during the method.
                Console.WriteLine(Count(each => each.SessionId == first.SessionId));
                Print();
                Array.ForEach([1], _ => Print());

                int Count(Func<GatewaySession, bool> match) => sessions.Count(match);

                void Print() => Console.WriteLine(first.SessionId);
            }

            public GatewaySession? Current => null;

            private static IEnumerable<Task> Select(IReadOnlyList<GatewaySession> sessions, Func<GatewaySession, Task> stop)
            {
                foreach (var each in sessions)
                {
                    yield return stop(each);
                }
            }
        }
        """);

    [Fact]
    public Task A_type_that_creates_its_sessions_owns_them_and_may_hold_them() => Verify.VerifyAsync(Usings + """
        public sealed class Fleet : IAsyncDisposable
        {
            private readonly List<GatewaySession> _sessions = [];

            public GatewaySession Start(GatewaySessionOptions options, Disgo.Gateway.Dispatch.IGatewayDispatcher dispatcher)
            {
                var session = new GatewaySession(options, dispatcher);
                _sessions.Add(session);
                return session;
            }

            public async ValueTask DisposeAsync()
            {
                foreach (var session in _sessions)
                {
                    await session.DisposeAsync();
                }
            }
        }
        """);

    [Fact]
    public Task A_type_that_disposes_the_sessions_it_holds_owns_them() => Verify.VerifyAsync(Usings + """
        public sealed class Registry : IAsyncDisposable
        {
            private readonly List<GatewaySession> _sessions = [];

            public void Track(GatewaySession session) => _sessions.Add(session);

            public async ValueTask DisposeAsync()
            {
                foreach (var session in _sessions)
                {
                    await session.DisposeAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Projects_without_Disgo_are_not_analyzed() => Verify.VerifyAsync(
        """
        namespace Disgo.Gateway.Session
        {
            public sealed class GatewaySession;
        }

        public sealed class Holder
        {
            public Disgo.Gateway.Session.GatewaySession? Session { get; set; }
        }
        """,
        withDisgo: false);
}
