using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>A Resume (op 6): <c>{token, session_id, seq}</c>, all required.</summary>
internal sealed record ResumePayload(string Token, string SessionId, long Sequence)
{
    public static bool TryParse(JsonElement d, [NotNullWhen(true)] out ResumePayload? resume, [NotNullWhen(false)] out string? problem)
    {
        resume = null;
        problem = null;
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("token"u8, out var token) || token.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("session_id"u8, out var sessionId) || sessionId.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("seq"u8, out var seq) || !JsonNumbers.TryGetInt64(seq, out var sequence))
        {
            problem = "resume d must be {token: string, session_id: string, seq: integer}";
            return false;
        }

        resume = new ResumePayload(token.GetString()!, sessionId.GetString()!, sequence);
        return true;
    }
}
