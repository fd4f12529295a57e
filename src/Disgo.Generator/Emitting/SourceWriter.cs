using System.Text;

namespace Disgo.Generator.Emitting;

/// <summary>Writes indented C#: four spaces per level and <c>\n</c> line ends on every machine, so output is deterministic.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line)
    {
        _text.Append(' ', _indent * 4).Append(line).Append('\n');
    }

    public void Line()
    {
        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents what follows.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string after = "")
    {
        _indent--;
        Line("}" + after);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public override string ToString() => _text.ToString();
}
