using System.Text.Json;
using Disgo.Models;

namespace Disgo.Serialization.Reading;

/// <summary>Reads an <see cref="Attachment"/> in one pass.</summary>
internal static class AttachmentReader
{
    public static Attachment Read(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new Attachment(), ReadProperty);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, Attachment attachment)
    {
        if (name.SequenceEqual("id"u8)) attachment.Id = JsonModelReader.Snowflake(ref reader);
        else if (name.SequenceEqual("filename"u8)) attachment.Filename = JsonModelReader.String(ref reader, attachment.Filename);
        else if (name.SequenceEqual("content_type"u8)) attachment.ContentType = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("size"u8)) attachment.Size = JsonModelReader.Int64(ref reader, attachment.Size);
        else if (name.SequenceEqual("url"u8)) attachment.Url = JsonModelReader.String(ref reader, attachment.Url);
        else if (name.SequenceEqual("height"u8)) attachment.Height = JsonModelReader.NullableInt32(ref reader);
        else if (name.SequenceEqual("width"u8)) attachment.Width = JsonModelReader.NullableInt32(ref reader);
        else return false;
        return true;
    }
}
