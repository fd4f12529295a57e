using System.Text.Json;
using Disgo.Models;

namespace Disgo.Serialization.Reading;

/// <summary>Reads an <see cref="Embed"/> and its parts in one pass.</summary>
internal static class EmbedReader
{
    public static Embed Read(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new Embed(), ReadProperty);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, Embed embed)
    {
        if (name.SequenceEqual("title"u8)) embed.Title = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("type"u8)) embed.Type = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("description"u8)) embed.Description = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("url"u8)) embed.Url = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("timestamp"u8)) embed.Timestamp = JsonModelReader.NullableDateTimeOffset(ref reader);
        else if (name.SequenceEqual("color"u8)) embed.Color = JsonModelReader.NullableInt32(ref reader);
        else if (name.SequenceEqual("footer"u8)) embed.Footer = JsonModelReader.NullableObject(ref reader, ReadFooter);
        else if (name.SequenceEqual("image"u8)) embed.Image = JsonModelReader.NullableObject(ref reader, ReadMedia);
        else if (name.SequenceEqual("thumbnail"u8)) embed.Thumbnail = JsonModelReader.NullableObject(ref reader, ReadMedia);
        else if (name.SequenceEqual("author"u8)) embed.Author = JsonModelReader.NullableObject(ref reader, ReadAuthor);
        else if (name.SequenceEqual("fields"u8)) embed.Fields = JsonModelReader.NullableList(ref reader, ReadField);
        else return false;
        return true;
    }

    private static EmbedFooter ReadFooter(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new EmbedFooter(), ReadFooterProperty);

    private static bool ReadFooterProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, EmbedFooter footer)
    {
        if (name.SequenceEqual("text"u8)) footer.Text = JsonModelReader.String(ref reader, footer.Text);
        else if (name.SequenceEqual("icon_url"u8)) footer.IconUrl = JsonModelReader.NullableString(ref reader);
        else return false;
        return true;
    }

    private static EmbedMedia ReadMedia(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new EmbedMedia(), ReadMediaProperty);

    private static bool ReadMediaProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, EmbedMedia media)
    {
        if (name.SequenceEqual("url"u8)) media.Url = JsonModelReader.String(ref reader, media.Url);
        else if (name.SequenceEqual("height"u8)) media.Height = JsonModelReader.NullableInt32(ref reader);
        else if (name.SequenceEqual("width"u8)) media.Width = JsonModelReader.NullableInt32(ref reader);
        else return false;
        return true;
    }

    private static EmbedAuthor ReadAuthor(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new EmbedAuthor(), ReadAuthorProperty);

    private static bool ReadAuthorProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, EmbedAuthor author)
    {
        if (name.SequenceEqual("name"u8)) author.Name = JsonModelReader.String(ref reader, author.Name);
        else if (name.SequenceEqual("url"u8)) author.Url = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("icon_url"u8)) author.IconUrl = JsonModelReader.NullableString(ref reader);
        else return false;
        return true;
    }

    private static EmbedField ReadField(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new EmbedField(), ReadFieldProperty);

    private static bool ReadFieldProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, EmbedField field)
    {
        if (name.SequenceEqual("name"u8)) field.Name = JsonModelReader.String(ref reader, field.Name);
        else if (name.SequenceEqual("value"u8)) field.Value = JsonModelReader.String(ref reader, field.Value);
        else if (name.SequenceEqual("inline"u8)) field.Inline = JsonModelReader.Boolean(ref reader, field.Inline);
        else return false;
        return true;
    }
}
