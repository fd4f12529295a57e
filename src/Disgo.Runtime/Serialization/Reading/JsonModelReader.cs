using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Disgo.Serialization.Reading;

/// <summary>Reads one value of a model's property from the reader's current token.</summary>
internal delegate T ValueReader<T>(ref Utf8JsonReader reader);

/// <summary>Reads the value of property <paramref name="name"/> into <paramref name="model"/>; false if the model has no such property.</summary>
internal delegate bool PropertyReader<in T>(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, T model);

/// <summary>
/// The building blocks of the single-pass model readers: property names as UTF-8, typed values with the same rules as
/// the source-generated metadata, and errors that name the property path they occurred at.
/// </summary>
/// <remarks>
/// One rule for <c>null</c>: it means absent. A nullable property reads it as null; any other property keeps its
/// default (an empty string or list, false, 0), so a model never holds a null where its type promises none.
/// Errors carry a path relative to the value being read (<c>.author.id</c>, <c>[2].url</c>) that each enclosing reader
/// extends; the root converter turns it into a JSON path.
/// </remarks>
internal static class JsonModelReader
{
    /// <summary>Longer escaped property names are never ones a model knows.</summary>
    public const int MaxEscapedNameLength = 64;

    private const int InitialListCapacity = 8;

    /// <summary>
    /// Reads the object at the reader into <paramref name="model"/>, one property at a time with
    /// <paramref name="readProperty"/>; properties it does not know are skipped.
    /// </summary>
    public static T Object<T>(ref Utf8JsonReader reader, T model, PropertyReader<T> readProperty)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Expected("an object", ref reader);

        Span<byte> scratch = stackalloc byte[MaxEscapedNameLength];
        scoped ReadOnlySpan<byte> name = default;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // An escaped name is unescaped into scratch; one too long for it is no property a model knows.
                if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                    name = reader.ValueSpan;
                else if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= scratch.Length)
                    name = scratch[..reader.CopyString(scratch)];
                else
                    name = default;

                reader.Read();
                if (!readProperty(ref reader, name, model))
                    reader.Skip();
                name = default;
            }
        }
        catch (JsonException exception)
        {
            // Malformed JSON between properties belongs to no property: the reader's message gives its position.
            if (name.IsEmpty)
                throw;
            throw AtProperty(exception, name);
        }

        return model;
    }

    public static Snowflake Snowflake(ref Utf8JsonReader reader) => SnowflakeJsonConverter.ReadValue(ref reader);

    public static Snowflake? NullableSnowflake(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : SnowflakeJsonConverter.ReadValue(ref reader);

    /// <summary>A string; null keeps <paramref name="current"/> (the property's default).</summary>
    public static string String(ref Utf8JsonReader reader, string current) => NullableString(ref reader) ?? current;

    public static string? NullableString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Expected("a string", ref reader),
    };

    public static bool Boolean(ref Utf8JsonReader reader, bool current) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => current,
        _ => throw Expected("a boolean", ref reader),
    };

    public static int Int32(ref Utf8JsonReader reader, int current) => NullableInt32(ref reader) ?? current;

    public static int? NullableInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Expected("a 32-bit integer", ref reader),
    };

    public static long Int64(ref Utf8JsonReader reader, long current) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
        JsonTokenType.Null => current,
        _ => throw Expected("a 64-bit integer", ref reader),
    };

    public static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader, DateTimeOffset current) =>
        NullableDateTimeOffset(ref reader) ?? current;

    public static DateTimeOffset? NullableDateTimeOffset(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Expected("an ISO 8601 timestamp", ref reader),
    };

    /// <summary>An object read by <paramref name="read"/>, or null.</summary>
    public static T? NullableObject<T>(ref Utf8JsonReader reader, ValueReader<T> read)
        where T : class =>
        reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

    /// <summary>
    /// An array read element by element with <paramref name="read"/> into an exactly sized array (null elements are
    /// left out); null keeps <paramref name="current"/>.
    /// </summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, ValueReader<T> read, IReadOnlyList<T> current) =>
        NullableList(ref reader, read) ?? current;

    public static IReadOnlyList<T>? NullableList<T>(ref Utf8JsonReader reader, ValueReader<T> read)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Expected("an array", ref reader);

        T[]? rented = null;
        var count = 0;
        var index = 0;
        try
        {
            for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (reader.TokenType == JsonTokenType.Null)
                    continue;
                var item = read(ref reader);
                rented ??= ArrayPool<T>.Shared.Rent(InitialListCapacity);
                if (count == rented.Length)
                    rented = Grow(rented);
                rented[count++] = item;
            }

            return count == 0 ? [] : rented.AsSpan(0, count).ToArray();
        }
        catch (JsonException exception)
        {
            throw At(exception, $"[{index}]");
        }
        finally
        {
            if (rented is not null)
                ArrayPool<T>.Shared.Return(rented, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private static JsonException AtProperty(JsonException exception, ReadOnlySpan<byte> name) =>
        At(exception, "." + Encoding.UTF8.GetString(name));

    /// <summary>An error for a value of the wrong type, e.g. "Expected a string, got a number.".</summary>
    private static JsonException Expected(string expected, ref Utf8JsonReader reader) =>
        new($"Expected {expected}, got {Describe(reader.TokenType)}.");

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    private static JsonException At(JsonException exception, string step) =>
        new(exception.Message, step + exception.Path, lineNumber: null, bytePositionInLine: null, exception.InnerException);

    private static T[] Grow<T>(T[] rented)
    {
        var larger = ArrayPool<T>.Shared.Rent(rented.Length * 2);
        rented.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(rented, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        return larger;
    }
}
