using System.Globalization;
using System.Text;

namespace Disgo.Sharding;

/// <summary>Shard ids written for people: <c>0-15, 32, 40-47</c>.</summary>
internal static class ShardRanges
{
    /// <param name="sortedShardIds">Distinct shard ids in ascending order.</param>
    public static string Describe(IReadOnlyList<int> sortedShardIds)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sortedShardIds.Count;)
        {
            var first = sortedShardIds[i];
            var last = first;
            while (++i < sortedShardIds.Count && sortedShardIds[i] == last + 1)
            {
                last = sortedShardIds[i];
            }

            text.Append(text.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{first}");
            if (last != first)
            {
                text.Append(CultureInfo.InvariantCulture, $"-{last}");
            }
        }

        return text.ToString();
    }
}
