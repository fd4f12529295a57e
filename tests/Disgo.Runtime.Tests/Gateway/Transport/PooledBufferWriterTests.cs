using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Transport;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Holds_no_buffer_until_written_and_after_release()
    {
        using var writer = new PooledBufferWriter();
        Assert.False(writer.HoldsBuffer);

        writer.GetSpan(10)[0] = 42;
        writer.Advance(1);
        Assert.True(writer.HoldsBuffer);

        writer.Release();
        Assert.False(writer.HoldsBuffer);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void Growing_keeps_what_was_written()
    {
        using var writer = new PooledBufferWriter();
        var expected = new byte[100_000];
        new Random(3).NextBytes(expected);

        for (var offset = 0; offset < expected.Length; offset += 1000)
        {
            expected.AsSpan(offset, 1000).CopyTo(writer.GetSpan(1000));
            writer.Advance(1000);
        }

        Assert.Equal(expected, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Detach_hands_over_the_bytes_and_leaves_the_writer_empty()
    {
        using var writer = new PooledBufferWriter();
        "payload"u8.CopyTo(writer.GetSpan(7));
        writer.Advance(7);

        var payload = writer.Detach();

        Assert.False(writer.HoldsBuffer);
        Assert.Equal("payload"u8.ToArray(), payload.Memory.ToArray());
        payload.Return();
    }

    [Fact]
    public void Advancing_past_the_buffer_is_refused()
    {
        using var writer = new PooledBufferWriter();
        var available = writer.GetSpan(1).Length;

        Assert.Throws<InvalidOperationException>(() => writer.Advance(available + 1));
    }
}
