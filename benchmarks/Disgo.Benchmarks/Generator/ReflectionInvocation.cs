namespace Disgo.Benchmarks.Generator;

/// <summary>How <see cref="ReflectionDispatcher"/> calls the handler methods it found at start-up.</summary>
public enum ReflectionInvocation
{
    /// <summary><c>MethodInfo.Invoke</c>: an argument array and a boxed context per call.</summary>
    MethodInfoInvoke,

    /// <summary>A typed delegate per handler, compiled from an expression tree at start-up: no per-call array or boxing.</summary>
    CompiledDelegate,
}
