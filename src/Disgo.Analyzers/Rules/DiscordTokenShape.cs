using System;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Recognizes Discord bot tokens: <c>base64url(user id) . base64url(timestamp) . base64url(signature)</c>. Checks
/// are ordered cheapest first because every string literal of a project goes through here.
/// </summary>
internal static class DiscordTokenShape
{
    // A user id is a 17-20 digit snowflake: 23-27 base64url characters.
    private const int MinIdLength = 23;
    private const int MaxIdLength = 27;
    private const int TimestampLength = 6;

    // Signatures seen in the wild are 27 (older tokens) or 38 characters.
    private const int MinSignatureLength = 27;
    private const int MaxSignatureLength = 38;

    private const int MinLength = MinIdLength + 1 + TimestampLength + 1 + MinSignatureLength;
    private const int MaxLength = MaxIdLength + 1 + TimestampLength + 1 + MaxSignatureLength;

    public static bool IsToken(string text)
    {
        if (text.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        var firstDot = text.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : text.IndexOf('.', firstDot + 1);
        if (secondDot < 0 || text.IndexOf('.', secondDot + 1) >= 0)
        {
            return false;
        }

        var idLength = firstDot;
        var timestampLength = secondDot - firstDot - 1;
        var signatureLength = text.Length - secondDot - 1;
        if (idLength is < MinIdLength or > MaxIdLength
            || timestampLength != TimestampLength
            || signatureLength is < MinSignatureLength or > MaxSignatureLength)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != firstDot && i != secondDot && !IsBase64Url(text[i]))
            {
                return false;
            }
        }

        return Decode(text.Substring(0, idLength)) is { } id && IsSnowflake(id)
            && Decode(text.Substring(secondDot + 1)) is { } signature && !IsPlainText(signature);
    }

    private static bool IsBase64Url(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    private static byte[]? Decode(string segment)
    {
        if (segment.Length % 4 == 1)
        {
            return null;
        }

        var base64 = segment.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (segment.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsSnowflake(byte[] id)
    {
        if (id.Length is < 17 or > 20 || id[0] == (byte)'0')
        {
            return false;
        }

        foreach (var b in id)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    // A real signature is random bytes; one that decodes to readable text was written by hand as a placeholder.
    private static bool IsPlainText(byte[] signature)
    {
        foreach (var b in signature)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
