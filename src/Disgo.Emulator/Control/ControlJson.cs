using System.Globalization;
using System.Text.Json;

namespace Disgo.Emulator.Control;

/// <summary>Reading optional, typed properties of a control request, with messages that say exactly what is wrong.</summary>
internal static class ControlJson
{
    /// <summary>The first property of <paramref name="body"/> that is not <paramref name="known"/>, as an error; null if none.</summary>
    public static string? UnknownProperty(JsonElement body, string[] known)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
                return $"Unknown property '{property.Name}'; this request takes: {string.Join(", ", known)}.";
        }

        return null;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>A snowflake given as a JSON string (Discord's convention) or, for convenience, a JSON number.</summary>
    public static string? TryGetSnowflake(JsonElement value, string property, out ulong id)
    {
        id = 0;
        var valid = value.ValueKind switch
        {
            JsonValueKind.String => ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            JsonValueKind.Number => value.TryGetUInt64(out id),
            _ => false,
        };
        return valid && id != 0 ? null : $"'{property}' must be a snowflake (a string of digits), got {Describe(value.ValueKind)} {value.GetRawText()}.";
    }

    public static string? TryGetInt(JsonElement value, string property, int min, int max, out int result)
    {
        result = 0;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out result) && result >= min && result <= max)
            return null;
        return $"'{property}' must be an integer from {min} to {max}, got {value.GetRawText()}.";
    }

    public static string? TryGetBoolean(JsonElement value, string property, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"'{property}' must be true or false, got {value.GetRawText()}.";
    }

    public static string? TryGetString(JsonElement value, string property, out string result)
    {
        result = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return value.ValueKind == JsonValueKind.String ? null : $"'{property}' must be a string, got {Describe(value.ValueKind)}.";
    }
}
