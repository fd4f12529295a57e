using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Checks an Update Presence object (op 3's <c>d</c>, or Identify's <c>presence</c>) against Discord's
/// documented shape: <c>since</c>, <c>activities</c>, <c>status</c> and <c>afk</c>, all required.
/// </summary>
internal static class PresenceRules
{
    /// <summary>Null when valid, otherwise what is wrong (the gateway closes with 4001).</summary>
    public static string? Validate(JsonElement presence)
    {
        if (presence.ValueKind != JsonValueKind.Object)
            return "presence must be an object";
        if (!presence.TryGetProperty("since"u8, out var since) || since.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
            return "presence.since must be a Unix time in milliseconds or null";
        if (!presence.TryGetProperty("afk"u8, out var afk) || afk.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return "presence.afk must be a boolean";
        if (!presence.TryGetProperty("status"u8, out var status) || status.ValueKind != JsonValueKind.String
            || status.GetString() is not ("online" or "dnd" or "idle" or "invisible" or "offline"))
            return "presence.status must be online, dnd, idle, invisible or offline";
        if (!presence.TryGetProperty("activities"u8, out var activities) || activities.ValueKind != JsonValueKind.Array)
            return "presence.activities must be an array";
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.ValueKind != JsonValueKind.Object
                || !activity.TryGetProperty("name"u8, out var name) || name.ValueKind != JsonValueKind.String
                || !activity.TryGetProperty("type"u8, out var type) || !JsonNumbers.TryGetInt32(type, out var kind) || kind is < 0 or > 5)
                return "each activity needs a string name and a type from 0 to 5";
        }

        return null;
    }
}
