using System.Text;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// One dispatch encoded once and shared by every session it goes to: the envelope bytes before and after the
/// sequence number, <c>{"t":"NAME","s":</c> and <c>,"op":0,"d":DATA}</c>. Writing it for a session is two copies
/// and the digits of that session's <c>s</c>, which is what lets the gateway push 100,000+ events a second.
/// </summary>
internal sealed class PreEncodedDispatch
{
    // A sequence number is at most 19 digits.
    private const int MaxSequenceDigits = 19;

    private readonly byte[] _envelope;
    private readonly int _sequenceAt;

    private PreEncodedDispatch(string eventName, byte[] envelope, int sequenceAt)
    {
        EventName = eventName;
        _envelope = envelope;
        _sequenceAt = sequenceAt;
    }

    public string EventName { get; }

    /// <summary>The longest payload this dispatch can become.</summary>
    public int MaxEncodedLength => _envelope.Length + MaxSequenceDigits;

    /// <summary>Encodes <paramref name="data"/> (already valid JSON) as the <c>d</c> of an <paramref name="eventName"/> dispatch.</summary>
    public static PreEncodedDispatch Create(string eventName, ReadOnlySpan<byte> data)
    {
        var name = Encoding.UTF8.GetByteCount(eventName);
        ReadOnlySpan<byte> head = "{\"t\":\""u8;
        ReadOnlySpan<byte> afterName = "\",\"s\":"u8;
        ReadOnlySpan<byte> afterSequence = ",\"op\":0,\"d\":"u8;
        var envelope = new byte[head.Length + name + afterName.Length + afterSequence.Length + data.Length + 1];
        var span = envelope.AsSpan();
        head.CopyTo(span);
        var at = head.Length + Encoding.UTF8.GetBytes(eventName, span[head.Length..]);
        afterName.CopyTo(span[at..]);
        var sequenceAt = at + afterName.Length;
        afterSequence.CopyTo(span[sequenceAt..]);
        data.CopyTo(span[(sequenceAt + afterSequence.Length)..]);
        span[^1] = (byte)'}';
        return new PreEncodedDispatch(eventName, envelope, sequenceAt);
    }

    /// <summary>Whether <paramref name="eventName"/> looks like a Discord event name: upper-case letters, digits and underscores.</summary>
    public static bool IsValidEventName(string eventName)
    {
        if (string.IsNullOrEmpty(eventName))
            return false;
        foreach (var c in eventName)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
                return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="json"/> is exactly one complete JSON value.</summary>
    public static bool IsSingleJsonValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || !reader.TrySkip())
                return false;
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Writes the full payload with <paramref name="sequence"/> as its <c>s</c>; returns the length.</summary>
    public int WriteTo(long sequence, Span<byte> destination)
    {
        _envelope.AsSpan(0, _sequenceAt).CopyTo(destination);
        sequence.TryFormat(destination[_sequenceAt..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        var rest = _envelope.AsSpan(_sequenceAt);
        rest.CopyTo(destination[(_sequenceAt + digits)..]);
        return _sequenceAt + digits + rest.Length;
    }
}
