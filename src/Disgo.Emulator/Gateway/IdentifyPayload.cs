using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The fields of an Identify (op 2) the gateway acts on, read from <c>d</c>. A wrong shape is an invalid payload for
/// the opcode (4001), except <c>shard</c>: any bad shard value is reported as an invalid shard (4010) by <see cref="IdentifyRules"/>.
/// </summary>
internal sealed record IdentifyPayload(string Token, long Intents, ShardTuple? Shard, bool ShardMalformed, int LargeThreshold)
{
    /// <summary>Discord's default <c>large_threshold</c>; valid values are 50 to 250.</summary>
    public const int DefaultLargeThreshold = 50;

    public static bool TryParse(JsonElement d, [NotNullWhen(true)] out IdentifyPayload? identify, [NotNullWhen(false)] out string? problem)
    {
        identify = null;
        if (d.ValueKind != JsonValueKind.Object)
            return Fail("identify d must be an object", out problem);
        if (!d.TryGetProperty("token"u8, out var token) || token.ValueKind != JsonValueKind.String)
            return Fail("identify needs a string token", out problem);
        if (!d.TryGetProperty("properties"u8, out var properties) || properties.ValueKind != JsonValueKind.Object)
            return Fail("identify needs a properties object ({os, browser, device})", out problem);
        // Intents are required since v8; a missing or non-integer value is a malformed payload, a bad bitfield is 4013.
        if (!d.TryGetProperty("intents"u8, out var intentsElement) || !JsonNumbers.TryGetInt64(intentsElement, out var intents))
            return Fail("identify needs integer intents", out problem);
        if (d.TryGetProperty("compress"u8, out var compress) && compress.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            return Fail("identify compress must be a boolean", out problem);

        var largeThreshold = DefaultLargeThreshold;
        if (d.TryGetProperty("large_threshold"u8, out var threshold) && threshold.ValueKind != JsonValueKind.Null
            && (!JsonNumbers.TryGetInt32(threshold, out largeThreshold) || largeThreshold is < 50 or > 250))
            return Fail("identify large_threshold must be an integer from 50 to 250", out problem);

        if (d.TryGetProperty("presence"u8, out var presence) && presence.ValueKind != JsonValueKind.Null
            && PresenceRules.Validate(presence) is { } presenceProblem)
            return Fail("identify " + presenceProblem, out problem);

        ShardTuple? shard = null;
        var shardMalformed = false;
        if (d.TryGetProperty("shard"u8, out var shardElement) && shardElement.ValueKind != JsonValueKind.Null)
        {
            if (shardElement.ValueKind == JsonValueKind.Array && shardElement.GetArrayLength() == 2
                && JsonNumbers.TryGetInt32(shardElement[0], out var shardId) && JsonNumbers.TryGetInt32(shardElement[1], out var numShards))
                shard = new ShardTuple(shardId, numShards);
            else
                shardMalformed = true;
        }

        identify = new IdentifyPayload(token.GetString()!, intents, shard, shardMalformed, largeThreshold);
        problem = null;
        return true;
    }

    private static bool Fail(string reason, out string problem)
    {
        problem = reason;
        return false;
    }
}
