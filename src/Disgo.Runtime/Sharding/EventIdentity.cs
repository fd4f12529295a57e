using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Disgo.Gateway.Dispatch;

namespace Disgo.Sharding;

/// <summary>
/// What makes two deliveries of a dispatch the same event across sessions: Discord sends every session of a guild
/// the same <c>t</c> and <c>d</c>, and sequence numbers are per session, so the identity is a hash of the two.
/// Used only while two shard sets overlap.
/// </summary>
internal readonly record struct EventIdentity(UInt128 Key, ulong? GuildId)
{
    public static EventIdentity Of(GatewayDispatch dispatch)
    {
        var name = dispatch.EventName.Span;
        var data = dispatch.Data.Span;
        var length = name.Length + 1 + data.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            name.CopyTo(buffer);
            buffer[name.Length] = 0; // keeps "AB" + "C..." apart from "A" + "BC..."
            data.CopyTo(buffer.AsSpan(name.Length + 1));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return new EventIdentity(BinaryPrimitives.ReadUInt128LittleEndian(hash), GuildIdOf(name, data));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The guild an event belongs to: its top-level <c>guild_id</c>, or <c>id</c> for GUILD_CREATE/UPDATE/DELETE;
    /// <see langword="null"/> for guild-less events (and data that cannot be read, which then counts as guild-less).
    /// </summary>
    public static ulong? GuildIdOf(ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> data)
    {
        var idIsGuild = eventName.SequenceEqual("GUILD_CREATE"u8) || eventName.SequenceEqual("GUILD_UPDATE"u8) || eventName.SequenceEqual("GUILD_DELETE"u8);
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var wanted = reader.ValueTextEquals("guild_id"u8) || (idIsGuild && reader.ValueTextEquals("id"u8));
                reader.Read();
                if (wanted && reader.TokenType == JsonTokenType.String && ulong.TryParse(reader.ValueSpan, out var id))
                {
                    return id;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Counted as guild-less: the identity (the hash) still tells events apart.
        }

        return null;
    }
}
