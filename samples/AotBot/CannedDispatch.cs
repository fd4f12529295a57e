using Disgo.Gateway.Dispatch;

namespace AotBot;

/// <summary>
/// Runs the generated dispatcher on a MESSAGE_CREATE as Discord sends it, without a network: what
/// <c>.ci/aot-check</c> runs in the native binary to prove the dispatcher and the JSON context survive trimming.
/// </summary>
internal static class CannedDispatch
{
    public const string Flag = "--canned-dispatch";

    private const long Sequence = 42;

    private const string SessionId = "9f1c2e0d8b7a6c5d4e3f2a1b0c9d8e7f";

    // The d of a MESSAGE_CREATE with fields Disgo's model does not know, which must be skipped.
    private static ReadOnlySpan<byte> MessageCreateData => """
        {"type":0,"tts":false,"timestamp":"2026-01-05T10:11:12.345000+00:00","pinned":false,"nonce":"1323456789012345678",
        "mentions":[],"mention_roles":[],"mention_everyone":false,"id":"1323456789012345679","flags":0,"embeds":[],
        "edited_timestamp":null,"content":"!ping","components":[],"channel_type":0,"channel_id":"1187000000000000000",
        "author":{"username":"alice","public_flags":0,"id":"1100000000000000001","global_name":"Alice","discriminator":"0","avatar":null},
        "attachments":[],"guild_id":"1186999999999999999","member":{"roles":[],"joined_at":"2024-03-01T00:00:00.000000+00:00","deaf":false,"mute":false}}
        """u8;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var handlers = new PingHandlers(output);
        var bot = PingBot.Create(handlers, commandSender: new PrintingCommandSender(output));

        output.WriteLine($"intents: {PingBot.Intents}");
        output.WriteLine($"handles MESSAGE_CREATE: {bot.Handles("MESSAGE_CREATE"u8)}");
        output.WriteLine($"handles TYPING_START: {bot.Handles("TYPING_START"u8)}");

        var dispatch = new GatewayDispatch("MESSAGE_CREATE"u8.ToArray(), MessageCreateData.ToArray(), Sequence, shardId: 0, SessionId);
        await bot.DispatchAsync(dispatch, CancellationToken.None);
        output.WriteLine($"messages counted: {handlers.Messages}");
        return handlers.Messages == 1 ? 0 : 1;
    }
}
