using System.Text.Json;
using Disgo.Emulator.World;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>The interaction callback and the follow-up webhook routes, authenticated by the interaction's token.</summary>
internal sealed class InteractionRoutes(EmulatorServices services, MessageRoutes messages, MessagePublisher publisher)
{
    private const int ChannelMessageWithSource = 4;
    private const int DeferredChannelMessageWithSource = 5;
    private const string Original = "@original";

    private static RestError UnknownInteraction { get; } = RestError.NotFound("Unknown interaction", DiscordErrorCodes.UnknownInteraction);

    private static RestError UnknownWebhook { get; } = RestError.NotFound("Unknown Webhook", DiscordErrorCodes.UnknownWebhook);

    /// <summary>
    /// <c>POST /interactions/{interaction_id}/{token}/callback</c>: the one initial response, within 3 seconds.
    /// Type 4 posts a message (the interaction's <c>@original</c>); type 5 defers it. Answers 204.
    /// </summary>
    public async Task CallbackAsync(RestRequest request)
    {
        var context = request.Context;
        var interaction = services.World.Interactions.Find(request.ResourceId);
        var now = services.Time.GetUtcNow();
        if (interaction is null || interaction.Token != request.Value("token")
            || (interaction.ResponseType is null && now - interaction.CreatedAt > EmulatedInteraction.InitialResponseWindow))
        {
            await UnknownInteraction.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var (document, _) = await JsonRequestBody.ReadAsync(context, MessageRoutes.MaxBodyBytes).ConfigureAwait(false);
        if (document is null)
        {
            await RestError.InvalidJson.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var (type, payload, error) = ParseCallback(document.RootElement);
            if (error is not null)
            {
                await error.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (!interaction.TryRespond(type))
            {
                await RestError.BadRequest("Interaction has already been acknowledged.", DiscordErrorCodes.InteractionAlreadyAcknowledged).WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (payload is not null)
            {
                var message = NewMessage(interaction, payload.Content ?? "");
                interaction.OriginalMessageId = message.Id;
                publisher.Publish(message);
            }

            RestResponses.WriteNoContent(context);
        }
    }

    /// <summary><c>POST /webhooks/{application_id}/{token}</c>: a follow-up message; answers 200 with it.</summary>
    public async Task CreateFollowupAsync(RestRequest request)
    {
        var context = request.Context;
        var (interaction, error) = FindByToken(request);
        if (interaction is null)
        {
            await error!.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (await MessageRoutes.ReadNewMessageAsync(context).ConfigureAwait(false) is { } payload)
            await publisher.CreateAsync(context, NewMessage(interaction, payload.Content ?? "")).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/{message_id}</c> (or <c>@original</c>).</summary>
    public async Task EditFollowupAsync(RestRequest request)
    {
        var context = request.Context;
        var (message, error) = FindMessage(request);
        if (message is null)
        {
            await error!.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (await MessageRoutes.ReadPayloadAsync(context).ConfigureAwait(false) is { } payload)
            await messages.EditAsync(context, message, payload).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /webhooks/{application_id}/{token}/messages/{message_id}</c> (or <c>@original</c>); answers 204.</summary>
    public Task DeleteFollowupAsync(RestRequest request)
    {
        var (message, error) = FindMessage(request);
        return message is null ? error!.WriteAsync(request.Context) : publisher.DeleteAsync(request.Context, message);
    }

    private StoredMessage NewMessage(EmulatedInteraction interaction, string content) =>
        new(services.World.NextId(), interaction.Guild, interaction.ChannelIndex, AuthorIndex: 0, content, services.Time.GetUtcNow(), InteractionId: interaction.Id);

    /// <summary>The interaction whose token is in the path; an expired token is 401 Invalid Webhook Token, as on Discord.</summary>
    private (EmulatedInteraction? Interaction, RestError? Error) FindByToken(RestRequest request)
    {
        if (request.ResourceId != services.World.ApplicationId || services.World.Interactions.FindByToken(request.Value("token")) is not { } interaction)
            return (null, UnknownWebhook);
        if (services.Time.GetUtcNow() - interaction.CreatedAt > EmulatedInteraction.TokenLifetime)
            return (null, new RestError(StatusCodes.Status401Unauthorized, "Invalid Webhook Token", DiscordErrorCodes.InvalidWebhookToken));
        return (interaction, null);
    }

    /// <summary>A message the interaction's webhook created: its <c>@original</c> or one of its follow-ups.</summary>
    private (StoredMessage? Message, RestError? Error) FindMessage(RestRequest request)
    {
        var (interaction, error) = FindByToken(request);
        if (interaction is null)
            return (null, error);
        var messageId = request.Value("message_id") == Original ? interaction.OriginalMessageId : request.Snowflake("message_id");
        if (messageId is not { } id || services.World.Messages.Find(id) is not { } message || message.InteractionId != interaction.Id)
            return (null, RestError.UnknownMessage);
        return (message, null);
    }

    private static (int Type, MessagePayload? Payload, RestError? Error) ParseCallback(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return (0, null, RestError.Form([], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));
        if (!body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.Number
            || !typeElement.TryGetInt32(out var type) || type is not (ChannelMessageWithSource or DeferredChannelMessageWithSource))
        {
            // Types 1 (pong), 6 and 7 (component updates) and the others do not apply to a slash command.
            return (0, null, RestError.Form(["type"], "BASE_TYPE_CHOICES", "Value must be one of (4, 5)."));
        }

        if (type == DeferredChannelMessageWithSource)
            return (type, null, null);
        if (!body.TryGetProperty("data", out var data))
            return (0, null, RestError.EmptyMessage);
        var (payload, error) = MessagePayload.Parse(data);
        if (payload is null)
            return (0, null, error);
        return payload.IsEmpty ? (0, null, RestError.EmptyMessage) : (type, payload, null);
    }
}
