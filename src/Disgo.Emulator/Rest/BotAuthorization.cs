using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Disgo.Emulator.Rest;

/// <summary>Checks <c>Authorization: Bot &lt;token&gt;</c> against the emulator's token.</summary>
internal static class BotAuthorization
{
    private const string Scheme = "Bot ";

    /// <summary>Null when the request carries the bot's token; otherwise why it does not, for the violation log.</summary>
    public static string? Check(HttpRequest request, string token)
    {
        var values = request.Headers.Authorization;
        if (StringValues.IsNullOrEmpty(values))
            return "no Authorization header";
        if (values.Count > 1)
            return "more than one Authorization header";

        var value = values.ToString();
        if (!value.StartsWith(Scheme, StringComparison.Ordinal))
            return "an Authorization header without the \"Bot \" scheme";

        // Constant-time comparison: the emulator should not teach clients habits that leak tokens elsewhere.
        var presented = Encoding.UTF8.GetBytes(value[Scheme.Length..]);
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token)) ? null : "a token that is not the bot's";
    }
}
