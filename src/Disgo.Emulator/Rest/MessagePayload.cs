using System.Text.Json;
using Disgo.Emulator.Events;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The parts of a create or edit message body the emulator acts on. Other documented fields (tts, allowed_mentions,
/// flags, nonce, attachments...) are accepted and ignored; unknown fields are ignored, as Discord ignores them.
/// </summary>
internal sealed record MessagePayload(string? Content, bool HasOtherContent, MessageReference? Reference)
{
    /// <summary>Nothing to show: Discord refuses to post such a message (50006).</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Content) && !HasOtherContent;

    // Discord's caps on the lists that make a message non-empty without content.
    private static readonly (string Name, int Max)[] ContentLists = [("embeds", 10), ("components", 40), ("sticker_ids", 3)];

    /// <summary>The payload, or the 400 Discord answers for it.</summary>
    public static (MessagePayload? Payload, RestError? Error) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return (null, RestError.Form([], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));

        string? content = null;
        if (body.TryGetProperty("content", out var contentElement) && contentElement.ValueKind != JsonValueKind.Null)
        {
            if (contentElement.ValueKind != JsonValueKind.String)
                return (null, RestError.Form(["content"], "BASE_TYPE_STRING", "Could not interpret the value as string."));
            content = contentElement.GetString()!;
            if (content.Length > EventSource.MaxContentLength)
                return (null, RestError.Form(["content"], "BASE_TYPE_MAX_LENGTH", $"Must be {EventSource.MaxContentLength} or fewer in length."));
        }

        var hasOther = false;
        foreach (var (name, max) in ContentLists)
        {
            if (!body.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
                continue;
            if (list.ValueKind != JsonValueKind.Array)
                return (null, RestError.Form([name], "BASE_TYPE_ARRAY", "Must be an array."));
            if (list.GetArrayLength() > max)
                return (null, RestError.Form([name], "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length."));
            hasOther |= list.GetArrayLength() > 0;
        }

        MessageReference? reference = null;
        if (body.TryGetProperty("message_reference", out var referenceElement) && referenceElement.ValueKind != JsonValueKind.Null)
        {
            var (parsed, error) = MessageReference.Parse(referenceElement);
            if (error is not null)
                return (null, error);
            reference = parsed;
        }

        return (new MessagePayload(content, hasOther, reference), null);
    }
}

/// <summary><c>message_reference</c> of a reply: the message, and whether an unknown one fails the request (default true).</summary>
internal sealed record MessageReference(ulong MessageId, bool FailIfNotExists)
{
    public static (MessageReference? Reference, RestError? Error) Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, RestError.Form(["message_reference"], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));
        if (!element.TryGetProperty("message_id", out var idElement) || idElement.ValueKind == JsonValueKind.Null)
            return (null, RestError.Form(["message_reference", "message_id"], "BASE_TYPE_REQUIRED", "This field is required"));
        if (idElement.ValueKind != JsonValueKind.String || RestRequest.ParseSnowflake(idElement.GetString()) is not { } id)
            return (null, RestError.Form(["message_reference", "message_id"], "NUMBER_TYPE_COERCE", $"Value \"{idElement.GetRawText().Trim('"')}\" is not snowflake."));

        var fail = !element.TryGetProperty("fail_if_not_exists", out var failElement) || failElement.ValueKind != JsonValueKind.False;
        return (new MessageReference(id, fail), null);
    }
}
