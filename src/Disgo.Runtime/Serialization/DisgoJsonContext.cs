using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;
using Disgo.Rest.Models;

namespace Disgo.Serialization;

/// <summary>
/// The one JSON context for every wire model: source-generated, so serialization needs no reflection and works
/// under Native AOT. Property names are snake_case, nulls are left out when writing (except where a model says
/// otherwise), numbers are plain JSON numbers and snowflakes are strings. Unknown fields are skipped.
/// </summary>
/// <remarks>
/// Serialize only through these <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}"/> properties.
/// Models Discord sends have public setters on purpose: System.Text.Json fills init-only properties only through its
/// constructor path, which boxes every value and costs allocations on every event. Commands a client builds
/// (<see cref="Identify"/>, <see cref="UpdatePresence"/>…) are init-only: they are written, not read, on the hot path.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    // Single-pass readers for the hottest events; they write through PlainMetadataContext.
    Converters = [typeof(MessageJsonConverter)])]
// Envelopes: any payload (d read later), and the ones a client sends or a server answers with.
[JsonSerializable(typeof(GatewayPayload<JsonElement>), TypeInfoPropertyName = "GatewayPayload")]
[JsonSerializable(typeof(GatewayPayload<long?>), TypeInfoPropertyName = "HeartbeatPayload")]
[JsonSerializable(typeof(GatewayPayload<Identify>), TypeInfoPropertyName = "IdentifyPayload")]
[JsonSerializable(typeof(GatewayPayload<Resume>), TypeInfoPropertyName = "ResumePayload")]
[JsonSerializable(typeof(GatewayPayload<UpdatePresence>), TypeInfoPropertyName = "UpdatePresencePayload")]
[JsonSerializable(typeof(GatewayPayload<RequestGuildMembers>), TypeInfoPropertyName = "RequestGuildMembersPayload")]
[JsonSerializable(typeof(GatewayPayload<UpdateVoiceState>), TypeInfoPropertyName = "UpdateVoiceStatePayload")]
[JsonSerializable(typeof(GatewayPayload<Hello>), TypeInfoPropertyName = "HelloPayload")]
[JsonSerializable(typeof(GatewayPayload<bool>), TypeInfoPropertyName = "InvalidSessionPayload")]
// The d of non-dispatch payloads.
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Identify))]
[JsonSerializable(typeof(Resume))]
[JsonSerializable(typeof(UpdatePresence))]
[JsonSerializable(typeof(RequestGuildMembers))]
[JsonSerializable(typeof(UpdateVoiceState))]
[JsonSerializable(typeof(ShardInfo))]
// The d of dispatches (GatewayEvents.All names each event's model).
[JsonSerializable(typeof(Ready))]
[JsonSerializable(typeof(Resumed))]
[JsonSerializable(typeof(RateLimited))]
[JsonSerializable(typeof(GuildCreate))]
[JsonSerializable(typeof(GuildDelete))]
[JsonSerializable(typeof(GuildMembersChunk))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(MessageDelete))]
[JsonSerializable(typeof(MessageReactionAdd))]
[JsonSerializable(typeof(TypingStart))]
[JsonSerializable(typeof(PresenceUpdate))]
[JsonSerializable(typeof(Interaction))]
// REST bodies (Disgo.Rest): requests, answers and Discord's error shape.
[JsonSerializable(typeof(CreateMessage))]
[JsonSerializable(typeof(EditMessage))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionMessage))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(DiscordError))]
// Reached only through lenient converters, which look them up at run time.
[JsonSerializable(typeof(PresenceActivity))]
[JsonSerializable(typeof(ClientStatus))]
public sealed partial class DisgoJsonContext : JsonSerializerContext;
