using System.Runtime.CompilerServices;

namespace Disgo.Generator.Emitting;

/// <summary>
/// An interpolated line of a <see cref="SourceWriter"/>: the compiler turns <c>writer.Line($"...")</c> into calls that
/// append the indentation, then each literal and value, straight to the writer's text.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref struct SourceLine
{
    private readonly SourceWriter _writer;

    public SourceLine(int literalLength, int formattedCount, SourceWriter writer)
    {
        _writer = writer;
        writer.StartLine();
    }

    public void AppendLiteral(string text) => _writer.Append(text);

    public void AppendFormatted(string? text) => _writer.Append(text);
}
