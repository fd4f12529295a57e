using System.Text;

namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>A line diff in unified style (<c>-</c> expected, <c>+</c> actual, two lines of context), for snapshot failures.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    public static string Describe(string expected, string actual)
    {
        var before = Lines(expected);
        var after = Lines(actual);
        var edits = Edits(before, after);
        var text = new StringBuilder();
        var lastShown = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ' && !NearChange(edits, i))
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                text.Append("  ...\n");
            }

            var (kind, line, number) = edits[i];
            text.Append(kind).Append(' ').Append(number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(" | ").Append(line).Append('\n');
            lastShown = i;
        }

        return text.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static bool NearChange(List<(char Kind, string Line, int Number)> edits, int index)
    {
        for (var i = Math.Max(0, index - Context); i <= Math.Min(edits.Count - 1, index + Context); i++)
        {
            if (edits[i].Kind != ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A longest-common-subsequence walk: enough for files of a few hundred lines.</summary>
    private static List<(char Kind, string Line, int Number)> Edits(string[] before, string[] after)
    {
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char, string, int)>();
        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                edits.Add((' ', after[a], a + 1));
                b++;
                a++;
            }
            else if (b < before.Length && (a == after.Length || common[b + 1, a] >= common[b, a + 1]))
            {
                edits.Add(('-', before[b], b + 1));
                b++;
            }
            else
            {
                edits.Add(('+', after[a], a + 1));
                a++;
            }
        }

        return edits;
    }
}
