namespace Disgo.Rest.Models;

/// <summary>The body of <c>POST /interactions/{interaction_id}/{interaction_token}/callback</c>; due within 3 s of the interaction.</summary>
public sealed class InteractionResponse
{
    public InteractionCallbackType Type { get; init; }

    /// <summary>The message, for <see cref="InteractionCallbackType.ChannelMessageWithSource"/> and <see cref="InteractionCallbackType.UpdateMessage"/>.</summary>
    public InteractionMessage? Data { get; init; }

    /// <summary>Answers with a message.</summary>
    public static InteractionResponse Message(InteractionMessage message) =>
        new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = message };

    /// <summary>Shows "thinking…"; edit <c>@original</c> within 15 minutes.</summary>
    public static InteractionResponse Deferred() => new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };
}
