using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The server's fixed payloads, encoded once. Like real frames they carry all four envelope keys, e.g.
/// <c>{"t":null,"s":null,"op":11,"d":null}</c>.
/// </summary>
internal static class GatewayPayloads
{
    /// <summary>The undocumented <c>_trace</c> entry Discord adds to Hello, READY and RESUMED: a JSON array in a string.</summary>
    public const string Trace = "[\"disgo-emulator-gateway\",{\"micros\":0.0}]";

    public static readonly byte[] HeartbeatAck = "{\"t\":null,\"s\":null,\"op\":11,\"d\":null}"u8.ToArray();

    /// <summary>Server op 1: the client must heartbeat at once.</summary>
    public static readonly byte[] HeartbeatRequest = "{\"t\":null,\"s\":null,\"op\":1,\"d\":null}"u8.ToArray();

    public static readonly byte[] Reconnect = "{\"t\":null,\"s\":null,\"op\":7,\"d\":null}"u8.ToArray();

    public static readonly byte[] InvalidSessionResumable = "{\"t\":null,\"s\":null,\"op\":9,\"d\":true}"u8.ToArray();

    public static readonly byte[] InvalidSessionNotResumable = "{\"t\":null,\"s\":null,\"op\":9,\"d\":false}"u8.ToArray();

    /// <summary>Valid UTF-8 (clients reject invalid text frames before parsing) that is not JSON.</summary>
    public static readonly byte[] Malformed = "}{\"op\":11,\"d\": this frame is deliberately not JSON"u8.ToArray();

    /// <summary>The RESUMED dispatch; each session gives it its own sequence number.</summary>
    public static readonly PreEncodedDispatch Resumed = PreEncodedDispatch.Create("RESUMED", Encoded(static writer =>
    {
        writer.WriteStartObject();
        WriteTrace(writer);
        writer.WriteEndObject();
    }));

    /// <summary><c>{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":N,"_trace":[...]}}</c>.</summary>
    public static byte[] Hello(TimeSpan heartbeatInterval) => Encoded(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNull("t"u8);
        writer.WriteNull("s"u8);
        writer.WriteNumber("op"u8, GatewayOpcodes.Hello);
        writer.WriteStartObject("d"u8);
        writer.WriteNumber("heartbeat_interval"u8, (long)heartbeatInterval.TotalMilliseconds);
        WriteTrace(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static void WriteTrace(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("_trace"u8);
        writer.WriteStringValue(Trace);
        writer.WriteEndArray();
    }

    private static byte[] Encoded(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, GatewayJson.WriterOptions))
            write(writer);
        return stream.ToArray();
    }
}
