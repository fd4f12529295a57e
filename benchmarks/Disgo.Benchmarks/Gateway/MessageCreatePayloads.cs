using System.Text;

namespace Disgo.Benchmarks.Gateway;

/// <summary>
/// Realistic MESSAGE_CREATE payloads of about 1 KB. Keys and most structure repeat from one event to the next, as on a
/// real connection; IDs, hashes, timestamps, authors and text vary, so the shared inflate window helps only as much as
/// it does in practice.
/// </summary>
internal static class MessageCreatePayloads
{
    private const int Authors = 500;

    private static readonly string[] Words =
    [
        "deploy", "the", "shard", "is", "green", "again", "after", "resume", "lunch", "anyone", "ping", "latency", "ok", "ship",
        "it", "tomorrow", "why", "does", "my", "bot", "restart", "every", "hour", "check", "logs", "first", "nope", "works",
        "on", "machine", "raid", "tonight", "who", "is", "in", "gg", "wp", "lol", "that", "was", "close", "patch", "notes",
        "are", "out", "new", "season", "starts", "friday", "meeting", "moved", "to", "thread", "please", "thanks", "welcome",
    ];

    public static byte[] Create(int sequence)
    {
        var random = new Random(sequence);
        var author = random.Next(Authors);
        var authorRandom = new Random(author + 1_000_000);
        var messageId = Snowflake(random, sequence);
        var content = new StringBuilder();
        for (var i = random.Next(3, 24); i > 0; i--)
        {
            content.Append(random.Next(12) == 0 ? random.Next(10_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : Words[random.Next(Words.Length)]).Append(' ');
        }

        var json = $$$"""
            {"t":"MESSAGE_CREATE","s":{{{sequence}}},"op":0,"d":{"type":0,"tts":false,"timestamp":"2026-01-05T{{{sequence / 3600 % 24:D2}}}:{{{sequence / 60 % 60:D2}}}:{{{sequence % 60:D2}}}.{{{random.Next(1000):D3}}}000+00:00","referenced_message":null,"pinned":false,"nonce":"{{{Snowflake(random, sequence)}}}","mentions":[],"mention_roles":[],"mention_everyone":false,"member":{"roles":["{{{Snowflake(authorRandom, 1)}}}","{{{Snowflake(authorRandom, 2)}}}"],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"20{{{authorRandom.Next(17, 26)}}}-{{{authorRandom.Next(1, 13):D2}}}-{{{authorRandom.Next(1, 29):D2}}}T{{{authorRandom.Next(24):D2}}}:{{{authorRandom.Next(60):D2}}}:{{{authorRandom.Next(60):D2}}}.{{{authorRandom.Next(1_000_000):D6}}}+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},"id":"{{{messageId}}}","flags":0,"embeds":[],"edited_timestamp":null,"content":"{{{content.ToString().TrimEnd()}}}","components":[],"channel_type":0,"channel_id":"{{{1187000000000000000 + (ulong)random.Next(8) * 1_048_576}}}","author":{"username":"{{{Name(authorRandom)}}}","public_flags":{{{(authorRandom.Next(4) == 0 ? 64 : 0)}}},"primary_guild":null,"id":"{{{Snowflake(authorRandom, 0)}}}","global_name":"{{{Name(authorRandom)}}}","discriminator":"0","collectibles":null,"clan":null,"avatar_decoration_data":null,"avatar":"{{{Hex(authorRandom)}}}"},"attachments":[],"guild_id":"1186999999999999999"}}
            """;
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>A snowflake whose timestamp grows with <paramref name="order"/> and whose low bits are random.</summary>
    private static ulong Snowflake(Random random, int order) =>
        ((1_300_000_000_000UL + (ulong)order * 250) << 22) | (uint)random.Next(1 << 22);

    private static string Name(Random random)
    {
        var name = new StringBuilder();
        for (var i = random.Next(5, 12); i > 0; i--)
        {
            name.Append((char)('a' + random.Next(26)));
        }

        return name.ToString();
    }

    private static string Hex(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
