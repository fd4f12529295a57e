using Fix = Disgo.Analyzers.Tests.Infrastructure.CodeFixVerifier<Disgo.Analyzers.Rules.TokenLiteralAnalyzer, Disgo.Analyzers.CodeFixes.Rules.ReadTokenFromEnvironmentCodeFixProvider>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class ReadTokenFromEnvironmentCodeFixProviderTests
{
    private const string Token = "MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJkLmNo";

    [Fact]
    public Task Token_is_read_from_the_environment_and_stays_non_null() => Fix.VerifyAsync(
        $$"""
        using System;
        using Disgo.Gateway.Session;

        public static class Startup
        {
            public static GatewaySessionOptions Options() => new()
            {
                Token = [|"{{Token}}"|],
            };
        }
        """,
        """
        using System;
        using Disgo.Gateway.Session;

        public static class Startup
        {
            public static GatewaySessionOptions Options() => new()
            {
                Token = Environment.GetEnvironmentVariable("DISCORD_TOKEN") ?? throw new InvalidOperationException("Set DISCORD_TOKEN to the bot's token."),
            };
        }
        """);

    [Fact]
    public Task Token_inside_an_expression_keeps_its_meaning() => Fix.VerifyAsync(
        $$"""
        public static class Startup
        {
            public static string Header() => "Bot " + [|"{{Token}}"|];
        }
        """,
        """
        public static class Startup
        {
            public static string Header() => "Bot " + (System.Environment.GetEnvironmentVariable("DISCORD_TOKEN") ?? throw new System.InvalidOperationException("Set DISCORD_TOKEN to the bot's token."));
        }
        """);

    [Fact]
    public Task No_fix_is_offered_where_a_constant_is_required() => Fix.VerifyNoFixAsync($$"""
        public static class Settings
        {
            public const string Token = [|"{{Token}}"|];
        }
        """);
}
