using System.Text.Json.Serialization;
using Disgo.Models;

namespace Disgo.Serialization;

/// <summary>
/// The plain source-generated metadata of the models <see cref="DisgoJsonContext"/> reads with single-pass converters,
/// with the same options: those converters write through it, so writing keeps one implementation.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Message))]
internal sealed partial class PlainMetadataContext : JsonSerializerContext;
