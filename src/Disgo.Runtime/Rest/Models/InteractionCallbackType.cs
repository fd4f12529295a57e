namespace Disgo.Rest.Models;

/// <summary>How an interaction is answered (<c>type</c> of the interaction response).</summary>
public enum InteractionCallbackType
{
    /// <summary>Acknowledges a ping (HTTP interactions only).</summary>
    Pong = 1,

    /// <summary>Answers with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Shows "thinking…"; edit <c>@original</c> later.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>For components: acknowledges now, edits the message later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>For components: edits the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>Autocomplete suggestions.</summary>
    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Opens a modal.</summary>
    Modal = 9,
}
