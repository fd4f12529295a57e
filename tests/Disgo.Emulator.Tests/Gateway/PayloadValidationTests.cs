using System.Net.WebSockets;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>4001 and 4002: what the gateway does with payloads it cannot use (gateway.mdx "Sending Events"; close code table).</summary>
public sealed class PayloadValidationTests
{
    [Fact]
    public async Task A_payload_of_exactly_4096_bytes_is_accepted()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync(PaddedHeartbeat(GatewayLimit.MaxPayloadBytes));

        Assert.Equal(Opcode.HeartbeatAck, (await client.ReceiveAsync()).Op);
    }

    [Fact]
    public async Task A_payload_over_4096_bytes_closes_with_4002_and_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync(PaddedHeartbeat(GatewayLimit.MaxPayloadBytes + 1));

        Assert.Equal(CloseCode.DecodeError, await client.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.DecodeError));
    }

    [Fact]
    public async Task An_oversized_payload_split_into_fragments_still_closes_with_4002()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendFragmentedTextAsync(PaddedHeartbeat(GatewayLimit.MaxPayloadBytes + 1), fragmentSize: 1000);

        Assert.Equal(CloseCode.DecodeError, await client.ExpectCloseAsync());
    }

    [Fact]
    public async Task A_valid_payload_split_into_fragments_is_reassembled()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendFragmentedTextAsync(PaddedHeartbeat(2000), fragmentSize: 300);

        Assert.Equal(Opcode.HeartbeatAck, (await client.ReceiveAsync()).Op);
    }

    [Fact]
    public async Task A_very_large_frame_closes_with_4002()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        try
        {
            await client.SendTextAsync(PaddedHeartbeat(512 * 1024));
        }
        catch (WebSocketException)
        {
            // The server may close and drop the connection before it has read the whole frame; the close code is what counts.
        }

        Assert.Equal(CloseCode.DecodeError, await client.ExpectCloseAsync());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"op":1,"d":""")]
    [InlineData("""{"op":1,"d":null}}}""")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("")]
    public async Task Undecodable_text_closes_with_4002(string text)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync(text);

        Assert.Equal(CloseCode.DecodeError, await client.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.DecodeError));
    }

    [Fact]
    public async Task Binary_junk_closes_with_4002()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();
        var junk = new byte[777];
        new Random(4002).NextBytes(junk);

        await client.SendBinaryAsync(junk);

        Assert.Equal(CloseCode.DecodeError, await client.ExpectCloseAsync());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(99)]
    [InlineData(-1)]
    public async Task An_unknown_opcode_closes_with_4001_and_is_recorded(int op)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.SendPayloadAsync(op);

        Assert.Equal(CloseCode.UnknownOpcode, await session.Client.ExpectCloseAsync());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.UnknownOpcode));
    }

    [Fact]
    public async Task A_client_sending_a_dispatch_closes_with_4001()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.SendTextAsync("""{"op":0,"d":{},"s":1,"t":"MESSAGE_CREATE"}""");

        Assert.Equal(CloseCode.UnknownOpcode, await session.Client.ExpectCloseAsync());
    }

    [Theory]
    [InlineData("""{"op":8,"d":"not an object"}""")]
    [InlineData("""{"op":3,"d":42}""")]
    [InlineData("""{"op":8,"d":{"query":"","limit":0}}""")]
    public async Task An_invalid_payload_for_a_known_opcode_closes_with_4001(string json)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(intents: EmulatorHarness.DefaultIntents | Intent.GuildMembers);

        await session.Client.SendTextAsync(json);

        Assert.Equal(CloseCode.UnknownOpcode, await session.Client.ExpectCloseAsync());
    }

    [Fact]
    public async Task A_json_value_without_an_op_gets_a_decode_or_opcode_close()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync("""{"d":null}""");

        Assert.Contains(await client.ExpectCloseAsync(), new[] { CloseCode.UnknownOpcode, CloseCode.DecodeError });
    }

    // {"op":1,"d":null,"pad":"xxx…"} of exactly totalBytes bytes.
    private static string PaddedHeartbeat(int totalBytes)
    {
        const string Prefix = "{\"op\":1,\"d\":null,\"pad\":\"";
        const string Suffix = "\"}";
        return Prefix + new string('x', totalBytes - Prefix.Length - Suffix.Length) + Suffix;
    }
}
