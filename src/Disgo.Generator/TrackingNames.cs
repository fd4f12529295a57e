namespace Disgo.Generator;

/// <summary>
/// The names of the pipeline's steps, so tests can check each one is cached when an edit does not concern it.
/// </summary>
internal static class TrackingNames
{
    /// <summary>Every <c>[DiscordBot]</c> class, read and checked; null models for invalid ones.</summary>
    public const string BotDeclarations = nameof(BotDeclarations);

    /// <summary>The bots that code can be generated for.</summary>
    public const string ValidBots = nameof(ValidBots);
}
