namespace Disgo.Emulator.Tests.Infrastructure;

internal static class SessionAssertions
{
    /// <summary>Expects op 9 Invalid Session with <c>d</c> = <paramref name="resumable"/> before any RESUMED or READY.</summary>
    public static async Task ExpectInvalidSessionAsync(RawGatewayClient client, bool resumable)
    {
        var answer = await client.ReceiveUntilAsync(p => p.Op == Opcode.InvalidSession || p.IsDispatch("RESUMED") || p.IsDispatch("READY"));
        Assert.True(answer.Op == Opcode.InvalidSession, $"Expected op 9, got {answer}");
        Assert.Equal(resumable, answer.D.GetBoolean());
    }
}
