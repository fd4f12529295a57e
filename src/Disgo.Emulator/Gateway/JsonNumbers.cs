using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>Integer reads that fail (rather than throw) when a client sent something that is not a JSON number.</summary>
internal static class JsonNumbers
{
    public static bool TryGetInt32(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    public static bool TryGetInt64(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
