using System.Text;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>Gateway-like JSON payloads for compression tests.</summary>
internal static class Payloads
{
    public static byte[] Dispatch(long sequence, string content) => Encoding.UTF8.GetBytes(
        $$$$"""{"t":"MESSAGE_CREATE","s":{{{{sequence}}}},"op":0,"d":{"id":"{{{{1100000000000000000 + sequence}}}}","channel_id":"1099999999999999999","content":"{{{{content}}}}","author":{"id":"80351110224678912","username":"nelly"}}}""");

    /// <summary>A payload far larger than any internal buffer, varied enough not to collapse into a few bytes.</summary>
    public static byte[] Large(int approximateLength)
    {
        var builder = new StringBuilder("""{"t":"GUILD_CREATE","s":2,"op":0,"d":{"members":[""");
        for (var i = 0; builder.Length < approximateLength; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append($$$"""{"user":{"id":"{{{(ulong)i * 7919 + 80351110224678912}}}","username":"member-{{{i * 31 % 997}}}"}}""");
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}}").ToString());
    }
}
