namespace Disgo.Models;

/// <summary>The bot's application as READY describes it.</summary>
public sealed class PartialApplication
{
    public Snowflake Id { get; set; }

    /// <summary>Application flags (a bitfield), e.g. whether privileged intents are enabled or limited.</summary>
    public long Flags { get; set; }
}
