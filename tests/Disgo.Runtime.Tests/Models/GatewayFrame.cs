using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Models;

/// <summary>
/// A gateway payload split the way the receive path splits it: <c>op</c>, <c>s</c> and <c>t</c> read with a
/// <see cref="Utf8JsonReader"/>, <c>d</c> kept as raw bytes and deserialized only into the model asked for.
/// </summary>
internal sealed record GatewayFrame(GatewayOpcode Opcode, long? Sequence, string? EventName, ReadOnlyMemory<byte> Data)
{
    public static GatewayFrame Load(string fixtureName) =>
        Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixtureName)));

    public static GatewayFrame Parse(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        GatewayOpcode? opcode = null;
        long? sequence = null;
        string? eventName = null;
        var data = ReadOnlyMemory<byte>.Empty;

        Assert.True(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "A payload is a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "op":
                    opcode = (GatewayOpcode)reader.GetInt32();
                    break;
                case "s":
                    sequence = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
                    break;
                case "t":
                    eventName = reader.GetString();
                    break;
                case "d":
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    data = json[start..(int)reader.BytesConsumed];
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Assert.NotNull(opcode);
        return new GatewayFrame(opcode.Value, sequence, eventName, data);
    }

    public T Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(Data.Span, typeInfo) ?? throw new InvalidOperationException("d was null.");
}
