namespace Disgo.Models.Gateway;

/// <summary>How secrets appear in text: never their value, only whether one is set.</summary>
internal static class Redaction
{
    public static string Token(string token) => token.Length == 0 ? "(none)" : "(redacted)";
}
