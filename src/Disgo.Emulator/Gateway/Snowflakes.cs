using System.Globalization;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>Snowflakes on the wire: always written as JSON strings, read from strings (or numbers, which clients sometimes send).</summary>
internal static class Snowflakes
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ulong id)
    {
        Span<byte> digits = stackalloc byte[20];
        id.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteString(name, digits[..length]);
    }

    public static void WriteValue(Utf8JsonWriter writer, ulong id)
    {
        Span<byte> digits = stackalloc byte[20];
        id.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteStringValue(digits[..length]);
    }

    public static bool TryRead(JsonElement element, out ulong id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.String => ulong.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            JsonValueKind.Number => element.TryGetUInt64(out id),
            _ => false,
        };
    }
}
