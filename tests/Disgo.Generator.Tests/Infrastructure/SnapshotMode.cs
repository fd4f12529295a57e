namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>What <see cref="Snapshot"/> does with output that has no baseline or differs from it.</summary>
internal enum SnapshotMode
{
    /// <summary>Fail, and write the output next to the baseline for review.</summary>
    Compare,

    /// <summary>Make the output the baseline (<c>DISGO_ACCEPT_SNAPSHOTS=1</c>).</summary>
    Accept,

    /// <summary>As <see cref="Compare"/>, whatever else is set: CI never creates or changes a baseline.</summary>
    Ci,
}
