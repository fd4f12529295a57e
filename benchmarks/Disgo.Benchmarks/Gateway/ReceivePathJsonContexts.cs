using System.Text.Json.Serialization;

namespace Disgo.Benchmarks.Gateway;

/// <summary>Plain source-generated metadata: what a <see cref="JsonSerializerContext"/> gives by default.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LeanMessage))]
internal sealed partial class ReceivePathJsonContext : JsonSerializerContext;

/// <summary>The same model read by a single-pass converter, still reached through a <c>JsonTypeInfo</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(LeanMessageConverter)])]
[JsonSerializable(typeof(LeanMessage))]
internal sealed partial class SinglePassJsonContext : JsonSerializerContext;
