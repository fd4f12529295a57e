namespace Disgo.Models;

/// <summary>A lean file attached to a message.</summary>
public sealed class Attachment
{
    public Snowflake Id { get; set; }

    public string Filename { get; set; } = "";

    /// <summary>The media type, e.g. <c>image/png</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    public string Url { get; set; } = "";

    /// <summary>Height in pixels, for images and videos.</summary>
    public int? Height { get; set; }

    /// <summary>Width in pixels, for images and videos.</summary>
    public int? Width { get; set; }
}
