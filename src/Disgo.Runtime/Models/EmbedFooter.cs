namespace Disgo.Models;

public sealed class EmbedFooter
{
    public string Text { get; set; } = "";

    public string? IconUrl { get; set; }
}
