using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>
/// Writes the payloads a client sends, <c>{"op":N,"d":...}</c>, with source-generated metadata for <c>d</c>. Sends are
/// rare (at most 2 per second on average), so each gets its own array.
/// </summary>
internal static class GatewayCommandWriter
{
    /// <summary>Discord's limit on one client payload; a larger one closes the connection with 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    public static byte[] Write<T>(GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op"u8, (int)opcode);
            writer.WritePropertyName("d"u8);
            JsonSerializer.Serialize(writer, data, dataTypeInfo);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Op 1 with the last sequence number, or null before the first dispatch.</summary>
    public static byte[] Heartbeat(long? lastSequence) => lastSequence is { } sequence
        ? System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"op\":1,\"d\":{sequence}}}"))
        : "{\"op\":1,\"d\":null}"u8.ToArray();

    /// <summary>Throws when <paramref name="payload"/> is over Discord's size limit.</summary>
    public static void EnsureWithinLimit(byte[] payload, string what, string? paramName)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {what} payload is {payload.Length} bytes; Discord closes the connection (4002) for payloads over {MaxPayloadBytes} bytes."),
                paramName);
        }
    }
}
