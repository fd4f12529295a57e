namespace Disgo.Benchmarks;

/// <summary>One way of compiling, measured by <see cref="CostMeasurement.Compare"/>.</summary>
/// <param name="Name">What the run does, as printed.</param>
/// <param name="Run">The run; returns a count so that its work cannot be optimized away.</param>
/// <param name="Baseline">The name of the run it adds to, or null for a run printed on its own.</param>
internal sealed record CostRun(string Name, Func<int> Run, string? Baseline = null);
