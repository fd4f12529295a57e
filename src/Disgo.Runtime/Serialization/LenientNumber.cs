using System.Buffers.Text;
using System.Text.Json;

namespace Disgo.Serialization;

/// <summary>Shared by the lenient numeric converters.</summary>
internal static class LenientNumber
{
    /// <summary>Reads a whole number from a number or numeric-string token; skips any other value and returns false.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out value))
                    return true;
                // A fractional number: keep its whole part rather than dropping the field.
                if (reader.TryGetDouble(out var fractional) && fractional is >= long.MinValue and <= long.MaxValue)
                {
                    value = (long)fractional;
                    return true;
                }
                return false;
            case JsonTokenType.String when !reader.HasValueSequence && !reader.ValueIsEscaped:
                return Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length;
            default:
                reader.Skip();
                value = 0;
                return false;
        }
    }
}
