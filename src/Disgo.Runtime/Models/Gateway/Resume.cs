using System.Globalization;
using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>
/// The <c>d</c> of Resume (op 6), sent on a new connection to <c>resume_gateway_url</c>.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class Resume
{
    /// <summary>The bot token. Secret: never logged, never in <see cref="ToString"/>.</summary>
    public string Token { get; init; } = "";

    public string SessionId { get; init; } = "";

    /// <summary>The last sequence number received; the server replays every dispatch after it.</summary>
    [JsonPropertyName("seq")]
    public long Sequence { get; init; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Resume {{ Token = {Redaction.Token(Token)}, SessionId = {SessionId}, Sequence = {Sequence} }}");
}
