using Fix = Disgo.Analyzers.Tests.Infrastructure.CodeFixVerifier<Disgo.Analyzers.Rules.SessionHeldByReferenceAnalyzer, Disgo.Analyzers.CodeFixes.Rules.HoldSessionIdCodeFixProvider>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class HoldSessionIdCodeFixProviderTests
{
    [Fact]
    public Task A_session_field_holds_its_SessionId_and_its_simple_uses_follow() => Fix.VerifyAsync(
        """
        using Disgo.Gateway.Session;

        public sealed class PresenceCache
        {
            private GatewaySession? [|_current|];

            public void Remember(GatewaySession session) => this._current = session;

            public string? Current() => _current.SessionId;
        }
        """,
        """
        using Disgo;
        using Disgo.Gateway.Session;

        public sealed class PresenceCache
        {
            private SessionId _current;

            public void Remember(GatewaySession session) => this._current = new SessionId(session.SessionId!);

            public string? Current() => _current.Value;
        }
        """);

    [Fact]
    public Task Collections_hold_SessionIds_and_what_is_stored_in_them_is_converted() => Fix.VerifyAsync(
        """
        using System.Collections.Generic;
        using Disgo;
        using Disgo.Gateway.Session;

        public sealed class Shards
        {
            private readonly List<GatewaySession> [|_all|] = new();
            private readonly Dictionary<int, GatewaySession> [|_byShard|] = new();

            public void Add(int shard, GatewaySession session)
            {
                _all.Add(session);
                _byShard[shard] = session;
            }

            public int Count => _all.Count + _byShard.Count;
        }
        """,
        """
        using System.Collections.Generic;
        using Disgo;
        using Disgo.Gateway.Session;

        public sealed class Shards
        {
            private readonly List<SessionId> _all = new();
            private readonly Dictionary<int, SessionId> _byShard = new();

            public void Add(int shard, GatewaySession session)
            {
                _all.Add(new SessionId(session.SessionId!));
                _byShard[shard] = new SessionId(session.SessionId!);
            }

            public int Count => _all.Count + _byShard.Count;
        }
        """);

    [Fact]
    public Task An_auto_property_and_its_initializer_are_converted() => Fix.VerifyAsync(
        """
        using Disgo.Gateway.Session;

        public sealed class ShardEntry(GatewaySession session)
        {
            public GatewaySession [|Session|] { get; } = session;
        }
        """,
        """
        using Disgo;
        using Disgo.Gateway.Session;

        public sealed class ShardEntry(GatewaySession session)
        {
            public SessionId Session { get; } = new SessionId(session.SessionId!);
        }
        """);

    [Fact]
    public Task No_fix_is_offered_for_a_captured_variable() => Fix.VerifyNoFixAsync(
        """
        using System;
        using Disgo.Gateway.Session;

        public static class Timers
        {
            public static Func<string?> Watch(GatewaySession [|session|]) => () => session.SessionId;
        }
        """);
}
