using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.TokenLiteralAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class TokenLiteralAnalyzerTests
{
    // A user id (1101195331338166272), a timestamp and a random signature: the shape of a real token, of no real bot.
    private const string OldToken = "MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJkLmNo";
    private const string NewToken = "MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJkLmNoPqRsTuVwXyZ";

    [Theory]
    [InlineData(OldToken)]
    [InlineData(NewToken)]
    public Task Token_shaped_literal_is_reported(string token) => Verify.VerifyAsync($$"""
        public static class Settings
        {
            public static string Token() => [|"{{token}}"|];
        }
        """);

    [Fact]
    public Task Token_in_a_constant_and_a_verbatim_string_is_reported() => Verify.VerifyAsync($$"""
        public static class Settings
        {
            public const string Token = [|"{{OldToken}}"|];
            public static readonly string Other = [|@"{{NewToken}}"|];
        }
        """);

    [Theory]
    [InlineData("Hello, world")]
    [InlineData("1.2.3")]
    [InlineData("MESSAGE_CREATE")]
    // A JWT: three base64url segments, but the first is JSON, not a user id.
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.dQw4w9WgXcQ-aBcDeFgHiJkLmNo")]
    // A placeholder: its signature decodes to text ("Hello, world, hello!").
    [InlineData("MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.SGVsbG8sIHdvcmxkLCBoZWxsbyE")]
    // A signature too short for any token format.
    [InlineData("MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJ")]
    // The first segment is not a snowflake ("0123456789012345678" starts with 0).
    [InlineData("MDEyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJkLmNo")]
    public Task Ordinary_strings_are_not_reported(string text) => Verify.VerifyAsync($$"""
        public static class Settings
        {
            public static string Value() => "{{text}}";
        }
        """);

    [Fact]
    public Task Projects_without_Disgo_are_not_analyzed() => Verify.VerifyAsync(
        $$"""
        public static class Settings
        {
            public static string Token() => "{{OldToken}}";
        }
        """,
        withDisgo: false);
}
