using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Models;

public sealed class GatewayCloseCodesTests
{
    // Discord's close code table: code and whether the client may reconnect; 4007 and 4009 need a new session.
    public static TheoryData<int, GatewayCloseAction> DocumentedCodes => new()
    {
        { 4000, GatewayCloseAction.Resume },
        { 4001, GatewayCloseAction.Resume },
        { 4002, GatewayCloseAction.Resume },
        { 4003, GatewayCloseAction.Resume },
        { 4004, GatewayCloseAction.Fatal },
        { 4005, GatewayCloseAction.Resume },
        { 4007, GatewayCloseAction.NewSession },
        { 4008, GatewayCloseAction.Resume },
        { 4009, GatewayCloseAction.NewSession },
        { 4010, GatewayCloseAction.Fatal },
        { 4011, GatewayCloseAction.Fatal },
        { 4012, GatewayCloseAction.Fatal },
        { 4013, GatewayCloseAction.Fatal },
        { 4014, GatewayCloseAction.Fatal },
    };

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void Every_documented_code_has_its_action(int code, GatewayCloseAction action)
    {
        Assert.True(GatewayCloseCodes.TryGet(code, out var info));
        Assert.Equal(code, info.Code);
        Assert.Equal(action, info.Action);
        Assert.Equal(action == GatewayCloseAction.Resume, info.MayResume);
        Assert.Equal(action != GatewayCloseAction.Fatal, info.MayReconnect);
        Assert.Equal(action == GatewayCloseAction.NewSession, info.RequiresNewSession);
        Assert.Equal(action == GatewayCloseAction.Fatal, info.IsFatal);
        Assert.False(string.IsNullOrWhiteSpace(info.Name));
        Assert.False(string.IsNullOrWhiteSpace(info.Cause));
        Assert.Same(info, GatewayCloseCodes.Get(code));
        Assert.Same(info, GatewayCloseCodes.Get((GatewayCloseCode)code));
    }

    [Fact]
    public void The_table_is_exactly_the_documented_codes_and_the_enum()
    {
        var documented = DocumentedCodes.Select(row => (int)row[0]).ToArray();

        Assert.Equal(documented, GatewayCloseCodes.All.Select(info => info.Code));
        Assert.Equal(documented, Enum.GetValues<GatewayCloseCode>().Select(code => (int)code));
        Assert.False(GatewayCloseCodes.TryGet(4006, out _));
    }

    [Theory]
    [InlineData(4004, "token", "Developer Portal")]
    [InlineData(4010, "shard", "num_shards")]
    [InlineData(4011, "2500", "more shards")]
    [InlineData(4012, "API version", "v=10")]
    [InlineData(4013, "bits", "undocumented")]
    [InlineData(4014, "privileged intent", "Developer Portal (Bot > Privileged Gateway Intents) or remove them from the intents")]
    public void Fatal_codes_name_the_cause_and_the_fix(int code, string cause, string fix)
    {
        var info = GatewayCloseCodes.Get(code);

        Assert.Contains(cause, info.Cause, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(info.Fix);
        Assert.Contains(fix, info.Fix, StringComparison.OrdinalIgnoreCase);
        var message = info.Describe();
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.Contains(info.Cause, message, StringComparison.Ordinal);
        Assert.Contains(info.Fix, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_fatal_codes_carry_a_fix()
    {
        Assert.All(GatewayCloseCodes.All, info => Assert.Equal(info.IsFatal, info.Fix is not null));
    }

    [Fact]
    public void Disallowed_intents_message_names_the_privileged_intents_sent()
    {
        var message = GatewayCloseCodes.Get(GatewayCloseCode.DisallowedIntents)
            .Describe(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent);

        Assert.Contains("MessageContent", message, StringComparison.Ordinal);
        Assert.DoesNotContain("GuildMessages", message, StringComparison.Ordinal);
        Assert.Contains("Privileged Gateway Intents", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_intents_message_names_the_undocumented_bits_sent()
    {
        var message = GatewayCloseCodes.Get(GatewayCloseCode.InvalidIntents).Describe(GatewayIntents.Guilds | (GatewayIntents)(1 << 17));

        Assert.Contains("131073", message, StringComparison.Ordinal);
        Assert.Contains("131072", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1006)]
    [InlineData(1011)]
    [InlineData(4006)]
    [InlineData(4999)]
    public void A_close_without_a_documented_gateway_code_is_resumed(int code)
    {
        var info = GatewayCloseCodes.Get(code);

        Assert.Equal(code, info.Code);
        Assert.True(info.MayResume);
        Assert.Null(info.Fix);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, true)]
    [InlineData(1002, false)]
    [InlineData(1006, false)]
    [InlineData(4000, false)]
    [InlineData(GatewayCloseCodes.ClientResumableClose, false)]
    public void Only_1000_and_1001_from_the_client_end_the_session(int code, bool endsSession)
    {
        Assert.Equal(endsSession, GatewayCloseCodes.EndsSessionWhenSentByClient(code));
    }

    [Fact]
    public void The_client_resume_close_code_is_not_one_Discord_uses()
    {
        Assert.InRange(GatewayCloseCodes.ClientResumableClose, 4000, 4999);
        Assert.False(GatewayCloseCodes.TryGet(GatewayCloseCodes.ClientResumableClose, out _));
    }
}
