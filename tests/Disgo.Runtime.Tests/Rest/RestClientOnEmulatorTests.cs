using Disgo.Emulator.Rest;
using Disgo.Models;
using Disgo.Rest;
using Disgo.Rest.Models;

namespace Disgo.Runtime.Tests.Rest;

/// <summary>The endpoints and the failure handling against the local Discord.</summary>
public sealed class RestClientOnEmulatorTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reply_is_stored_in_the_emulated_world_and_can_be_edited_reacted_to_and_deleted()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var channel = rest.Channel(0);
        var ping = await rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = "ping" }).WaitAsync(SafetyNet);

        var pong = await rest.Client.CreateMessageAsync(channel, new CreateMessage
        {
            Content = "pong",
            MessageReference = new MessageReference { MessageId = ping.Id },
        }).WaitAsync(SafetyNet);
        await rest.Client.CreateReactionAsync(channel, pong.Id, "👍").WaitAsync(SafetyNet);
        var edited = await rest.Client.EditMessageAsync(channel, pong.Id, new EditMessage { Content = "pong!" }).WaitAsync(SafetyNet);

        var stored = rest.Emulator.World.Messages.Find(pong.Id.Value);
        Assert.NotNull(stored);
        Assert.Equal("pong!", stored.Content);
        Assert.Equal(ping.Id.Value, stored.ReferencedMessageId);
        Assert.Contains("👍", stored.BotReactions);
        Assert.Equal("pong!", edited.Content);
        Assert.Equal(channel, edited.ChannelId);

        await rest.Client.DeleteMessageAsync(channel, pong.Id).WaitAsync(SafetyNet);
        Assert.Null(rest.Emulator.World.Messages.Find(pong.Id.Value));
    }

    [Fact]
    public async Task Channels_and_members_are_read_and_unknown_ones_give_discord_error_codes()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var guild = rest.Emulator.World.Guilds[0];

        var channel = await rest.Client.GetChannelAsync(rest.Channel(0)).WaitAsync(SafetyNet);
        var member = await rest.Client.GetGuildMemberAsync(new Snowflake(guild.Id), new Snowflake(guild.MemberUserId(1))).WaitAsync(SafetyNet);
        var unknown = await Assert.ThrowsAsync<DiscordRestException>(() => rest.Client.GetChannelAsync(new Snowflake(12345)).WaitAsync(SafetyNet));

        Assert.Equal(rest.Channel(0), channel.Id);
        Assert.Equal(guild.MemberUserId(1), member.User?.Id.Value);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal(10003, unknown.ErrorCode);
    }

    [Fact]
    public async Task An_interaction_is_answered_and_followed_up_without_its_token_showing_in_errors()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var interaction = rest.Emulator.Rest.CreateInteraction(rest.Emulator.World.Guilds[0].Id);
        var id = new Snowflake(interaction.Id);
        var application = new Snowflake(interaction.ApplicationId);

        await rest.Client.CreateInteractionResponseAsync(id, interaction.Token, InteractionResponse.Message(new InteractionMessage { Content = "pong" })).WaitAsync(SafetyNet);
        var followup = await rest.Client.CreateFollowupMessageAsync(application, interaction.Token, new InteractionMessage { Content = "more" }).WaitAsync(SafetyNet);
        await rest.Client.EditFollowupMessageAsync(application, interaction.Token, "@original", new EditMessage { Content = "pong, edited" }).WaitAsync(SafetyNet);
        var twice = await Assert.ThrowsAsync<DiscordRestException>(
            () => rest.Client.CreateInteractionResponseAsync(id, interaction.Token, InteractionResponse.Deferred()).WaitAsync(SafetyNet));

        Assert.Equal("pong, edited", rest.Emulator.World.Messages.Find(interaction.OriginalMessageId!.Value)?.Content);
        Assert.Equal("more", rest.Emulator.World.Messages.Find(followup.Id.Value)?.Content);
        Assert.Equal(40060, twice.ErrorCode);
        Assert.DoesNotContain(interaction.Token, twice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_are_overwritten_in_bulk()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var application = new Snowflake(rest.Emulator.World.ApplicationId);

        var commands = await rest.Client.BulkOverwriteGlobalApplicationCommandsAsync(application, [
            new ApplicationCommand { Name = "ping", Description = "Replies with pong" },
            new ApplicationCommand { Name = "echo", Description = "Repeats", Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "text", Description = "What to say", Required = true }] },
        ]).WaitAsync(SafetyNet);

        Assert.Equal(["ping", "echo"], commands.Select(c => c.Name));
        Assert.All(commands, c => Assert.NotNull(c.Id));
    }

    [Fact]
    public async Task A_get_answered_by_an_html_page_or_a_5xx_is_retried_and_succeeds()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var channel = rest.Channel(0);
        rest.Emulator.Rest.Inject(new RestFault.HtmlErrorPage(502), ApiRoute.GetChannel, channel.Value);
        rest.Emulator.Rest.Inject(new RestFault.ServerError(500), ApiRoute.GetChannel, channel.Value);

        var read = await rest.Client.GetChannelAsync(channel).WaitAsync(SafetyNet);

        Assert.Equal(channel, read.Id);
        Assert.Equal([502, 500, 200], rest.Emulator.Rest.Requests.Where(r => r.Route == ApiRoute.GetChannel).Select(r => r.Status));
    }

    [Fact]
    public async Task A_post_answered_by_an_html_page_fails_typed_and_is_not_repeated()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var channel = rest.Channel(0);
        rest.Emulator.Rest.Inject(new RestFault.HtmlErrorPage(502), ApiRoute.CreateMessage, channel.Value);

        var error = await Assert.ThrowsAsync<DiscordMalformedResponseException>(
            () => rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = "x" }).WaitAsync(SafetyNet));

        Assert.Equal(502, error.StatusCode);
        Assert.Single(rest.Emulator.Rest.Requests, r => r.Route == ApiRoute.CreateMessage);
    }

    [Fact]
    public async Task Truncated_json_fails_typed_after_the_message_was_posted()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var channel = rest.Channel(0);
        rest.Emulator.Rest.Inject(new RestFault.TruncatedJson(), ApiRoute.CreateMessage, channel.Value);

        await Assert.ThrowsAsync<DiscordMalformedResponseException>(
            () => rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = "posted" }).WaitAsync(SafetyNet));

        // Not repeated: Discord acted on it, and a second attempt would post it twice.
        Assert.Single(rest.Emulator.World.Messages.InChannel(channel.Value));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_an_idempotent_request_is_retried()
    {
        await using var rest = await EmulatedRest.StartAsync(configureClient: c => c.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var channel = rest.Channel(0);
        rest.Emulator.Rest.Inject(new RestFault.Delay(TimeSpan.FromSeconds(5)), ApiRoute.GetChannel, channel.Value);
        rest.Emulator.Rest.Inject(new RestFault.Delay(TimeSpan.FromSeconds(5)), ApiRoute.CreateMessage, channel.Value);

        var read = await rest.Client.GetChannelAsync(channel).WaitAsync(SafetyNet);
        var timedOut = await Assert.ThrowsAsync<DiscordRestTimeoutException>(
            () => rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = "slow" }).WaitAsync(SafetyNet));

        Assert.Equal(channel, read.Id);
        Assert.Null(timedOut.StatusCode);
        Assert.Equal("POST /channels/" + channel + "/messages", timedOut.Route);
    }
}
