namespace Disgo.Models.Gateway;

/// <summary>What a gateway close code means and what a client does about it. Built only by <see cref="GatewayCloseCodes"/>.</summary>
/// <param name="Code">The WebSocket close code.</param>
/// <param name="Name">Discord's name for the code.</param>
/// <param name="Action">Resume, start a new session, or stop.</param>
/// <param name="Cause">What went wrong, in a sentence.</param>
/// <param name="Fix">For fatal codes, what the bot's owner must change before connecting again; otherwise null.</param>
public sealed record GatewayCloseCodeInfo(int Code, string Name, GatewayCloseAction Action, string Cause, string? Fix)
{
    /// <summary>Whether the session may be resumed on a new connection.</summary>
    public bool MayResume => Action == GatewayCloseAction.Resume;

    /// <summary>Whether the client may connect again at all (resuming or with a new session).</summary>
    public bool MayReconnect => Action != GatewayCloseAction.Fatal;

    /// <summary>Whether reconnecting must Identify a new session instead of resuming (4007, 4009).</summary>
    public bool RequiresNewSession => Action == GatewayCloseAction.NewSession;

    /// <summary>Whether the client must stop: reconnecting would fail the same way until the configuration is fixed.</summary>
    public bool IsFatal => Action == GatewayCloseAction.Fatal;

    /// <summary>A message for logs and exceptions: the code, its cause and, for fatal codes, the fix.</summary>
    public string Describe() => Fix is null
        ? $"The gateway closed the connection with {Code} ({Name}): {Cause}"
        : $"The gateway closed the connection with {Code} ({Name}): {Cause} Fix: {Fix}";

    /// <summary>
    /// Like <see cref="Describe()"/>, naming the offending intents for 4013 and 4014 when the intents sent in
    /// Identify are known.
    /// </summary>
    public string Describe(GatewayIntents identifiedIntents)
    {
        var offending = Code switch
        {
            (int)GatewayCloseCode.InvalidIntents => identifiedIntents.GetUndocumentedBits(),
            (int)GatewayCloseCode.DisallowedIntents => identifiedIntents.GetPrivilegedBits(),
            _ => GatewayIntents.None,
        };
        if (offending == GatewayIntents.None)
            return Describe();

        var detail = Code == (int)GatewayCloseCode.InvalidIntents
            ? $" The intents sent were {(long)identifiedIntents}; the undocumented bits are {(long)offending}."
            : $" The privileged intents sent were {offending}.";
        return $"The gateway closed the connection with {Code} ({Name}): {Cause}{detail} Fix: {Fix}";
    }
}
