using System.Buffers;
using System.IO.Compression;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Inflates through the framework's <see cref="ZLibStream"/>, where no native zlib can be called. The stream rents
/// an 8 KiB input buffer at its first read and keeps it for the connection's lifetime.
/// </summary>
internal sealed class ZLibStreamInflater : IZlibInflater
{
    private const int OutputChunkLength = 4096;

    private readonly InflateInput _input = new();
    private ZLibStream _inflater;

    public ZLibStreamInflater() => _inflater = CreateInflater();

    public void Inflate(ReadOnlyMemory<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength)
    {
        try
        {
            InflateWhole(compressed, payload, maxPayloadLength);
        }
        // zlib reports bad data as InvalidDataException and its own failures as ZLibException, an IOException.
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw ZlibStreamErrors.Corrupt(exception.Message, exception);
        }
        finally
        {
            _input.Clear();
        }
    }

    public void Reset()
    {
        _inflater.Dispose();
        _inflater = CreateInflater();
        _input.Clear();
    }

    public void Dispose() => _inflater.Dispose();

    private ZLibStream CreateInflater() => new(_input, CompressionMode.Decompress, leaveOpen: true);

    private void InflateWhole(ReadOnlyMemory<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength)
    {
        _input.Set(compressed);
        long inflated = 0;
        while (true)
        {
            var output = payload.GetSpan(OutputChunkLength);
            var count = _inflater.Read(output);
            if (count == 0)
            {
                break;
            }

            payload.Advance(count);
            inflated += count;
            if (inflated > maxPayloadLength)
            {
                throw ZlibStreamErrors.TooLarge(maxPayloadLength);
            }

            // zlib stops short of a full output buffer only once it has used up its input: with all of the payload's
            // bytes handed over, the payload is complete, and asking again would only report the end of the input.
            if (count < output.Length && _input.IsDrained)
            {
                break;
            }
        }

        if (!_input.IsDrained)
        {
            throw ZlibStreamErrors.DataAfterEnd();
        }
    }
}
