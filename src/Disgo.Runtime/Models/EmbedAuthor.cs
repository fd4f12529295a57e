namespace Disgo.Models;

public sealed class EmbedAuthor
{
    public string Name { get; set; } = "";

    public string? Url { get; set; }

    public string? IconUrl { get; set; }
}
