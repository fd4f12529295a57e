namespace Disgo.Models;

/// <summary>An embed's image or thumbnail.</summary>
public sealed class EmbedMedia
{
    public string Url { get; set; } = "";

    public int? Height { get; set; }

    public int? Width { get; set; }
}
