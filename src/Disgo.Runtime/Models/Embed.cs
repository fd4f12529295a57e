namespace Disgo.Models;

/// <summary>A lean embed: text, links, images and fields.</summary>
public sealed class Embed
{
    public string? Title { get; set; }

    /// <summary>Usually <c>rich</c>; link previews have <c>image</c>, <c>video</c>, <c>article</c>…</summary>
    public string? Type { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>RGB color as an integer.</summary>
    public int? Color { get; set; }

    public EmbedFooter? Footer { get; set; }

    public EmbedMedia? Image { get; set; }

    public EmbedMedia? Thumbnail { get; set; }

    public EmbedAuthor? Author { get; set; }

    public IReadOnlyList<EmbedField>? Fields { get; set; }
}
