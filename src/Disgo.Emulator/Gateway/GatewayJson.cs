using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>How the gateway writes JSON: compact, and escaping no more than JSON requires (as Discord does).</summary>
internal static class GatewayJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one <c>d</c> object with <paramref name="write"/> and encodes it as an <paramref name="eventName"/> dispatch.</summary>
    public static PreEncodedDispatch Dispatch<TState>(string eventName, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer, state);
        return PreEncodedDispatch.Create(eventName, buffer.WrittenSpan);
    }
}
