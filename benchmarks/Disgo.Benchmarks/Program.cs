using BenchmarkDotNet.Running;
using Disgo.Benchmarks.Analyzers;
using Disgo.Benchmarks.Rest;
using Disgo.Benchmarks.Sharding;

return args switch
{
    [IdleShardsHarness.Switch, ..] => await IdleShardsHarness.RunAsync(args),
    [EmulatorProcess.Switch, ..] => await EmulatorProcess.RunAsync(args),
    [RestRateHarness.Switch, ..] => await RestRateHarness.RunAsync(args),
    [AnalyzerCostHarness.Switch, ..] => AnalyzerCostHarness.Run(args),
    [Disgo.Benchmarks.Generator.GeneratorCostHarness.Switch, ..] => Disgo.Benchmarks.Generator.GeneratorCostHarness.Run(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
