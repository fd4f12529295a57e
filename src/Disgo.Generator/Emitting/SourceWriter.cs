using System.Runtime.CompilerServices;
using System.Text;

namespace Disgo.Generator.Emitting;

/// <summary>
/// Writes indented C#: four spaces per level and <c>\n</c> line ends on every machine, so output is deterministic.
/// An interpolated line is written piece by piece into the text (<see cref="SourceLine"/>): a bot of 100 handlers is
/// about a thousand lines, and a string made for each cost about half as much again as the file.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line)
    {
        StartLine();
        _text.Append(line).Append('\n');
    }

    /// <summary>Ends a line whose indentation and text <paramref name="line"/> has already written.</summary>
    public void Line([InterpolatedStringHandlerArgument("")] ref SourceLine line)
    {
        _text.Append('\n');
    }

    public void Line()
    {
        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents what follows.</summary>
    public void Open(string header)
    {
        Line(header);
        OpenBlock();
    }

    /// <inheritdoc cref="Open(string)"/>
    public void Open([InterpolatedStringHandlerArgument("")] ref SourceLine header)
    {
        _text.Append('\n');
        OpenBlock();
    }

    public void Close()
    {
        _indent--;
        Line("}");
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public override string ToString() => _text.ToString();

    internal void StartLine() => _text.Append(' ', _indent * 4);

    internal void Append(string? text) => _text.Append(text);

    private void OpenBlock()
    {
        Line("{");
        _indent++;
    }
}
