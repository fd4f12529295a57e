using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>How a client payload's envelope parsed.</summary>
internal enum ClientPayloadStatus
{
    /// <summary>A JSON object with an integer <c>op</c>.</summary>
    Valid,

    /// <summary>Not JSON, or not a JSON object: 4002.</summary>
    Undecodable,

    /// <summary>A JSON object without an integer <c>op</c>: 4001.</summary>
    NoOpcode,
}

/// <summary>Reads the <c>{op, d}</c> envelope of one client payload.</summary>
internal static class ClientPayload
{
    /// <summary>
    /// Parses <paramref name="utf8"/>; on success <paramref name="data"/> is <c>d</c> (Undefined if absent), valid
    /// until <paramref name="document"/> is disposed. The document reads <paramref name="utf8"/> in place.
    /// </summary>
    public static ClientPayloadStatus Parse(ReadOnlyMemory<byte> utf8, out JsonDocument? document, out int opcode, out JsonElement data)
    {
        opcode = -1;
        data = default;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            document = null;
            return ClientPayloadStatus.Undecodable;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return ClientPayloadStatus.Undecodable;
        if (!root.TryGetProperty("op"u8, out var op) || !JsonNumbers.TryGetInt32(op, out opcode))
        {
            opcode = -1;
            return ClientPayloadStatus.NoOpcode;
        }

        if (root.TryGetProperty("d"u8, out var d))
            data = d;
        return ClientPayloadStatus.Valid;
    }
}
