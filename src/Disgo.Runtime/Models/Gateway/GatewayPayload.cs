using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>
/// The envelope of every gateway payload: <c>{op, d, s, t}</c>. <c>s</c> and <c>t</c> are set only on dispatches
/// (op 0) and are left out when null; <c>d</c> is always written, since a heartbeat's <c>d</c> may be null.
/// </summary>
/// <remarks>
/// Meant for sending and for tests. The receive path reads <c>op</c>, <c>s</c> and <c>t</c> with a
/// <see cref="System.Text.Json.Utf8JsonReader"/> and deserializes only <c>d</c>, into the model its event needs.
/// </remarks>
public sealed class GatewayPayload<T>
{
    [JsonPropertyName("op")]
    public GatewayOpcode Opcode { get; init; }

    [JsonPropertyName("d")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public T? Data { get; init; }

    /// <summary>The dispatch's sequence number (<c>s</c>).</summary>
    [JsonPropertyName("s")]
    public long? Sequence { get; init; }

    /// <summary>The dispatch's event name (<c>t</c>), e.g. MESSAGE_CREATE.</summary>
    [JsonPropertyName("t")]
    public string? EventName { get; init; }
}
