using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>One decoded server payload: the <c>{op, d, s, t}</c> envelope, read without any Disgo code.</summary>
public sealed class GatewayPayload
{
    private GatewayPayload(JsonElement root, string json)
    {
        Root = root;
        Json = json;
        Op = root.GetProperty("op").GetInt32();
        D = root.TryGetProperty("d", out var d) ? d : default;
        S = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        T = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
    }

    /// <summary>The whole envelope, for checks on keys beyond op/d/s/t.</summary>
    public JsonElement Root { get; }

    public int Op { get; }

    /// <summary>The <c>d</c> field; <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    public JsonElement D { get; }

    public int? S { get; }

    public string? T { get; }

    public string Json { get; }

    public bool IsDispatch(string eventName) => Op == Opcode.Dispatch && T == eventName;

    /// <summary>Parses a JSON envelope; false for anything that is not a JSON object with an integer <c>op</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out GatewayPayload? payload)
    {
        payload = null;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var op)
                || op.ValueKind != JsonValueKind.Number
                || !op.TryGetInt32(out _))
            {
                return false;
            }

            payload = new GatewayPayload(root.Clone(), Encoding.UTF8.GetString(utf8));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override string ToString() => Json.Length <= 300 ? Json : string.Create(CultureInfo.InvariantCulture, $"{Json[..300]}… ({Json.Length} chars)");
}
