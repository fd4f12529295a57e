namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 declare interpolated string handlers (the type ships with .NET 6 and later).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerAttribute : Attribute;

/// <summary>Lets netstandard2.0 pass a call's receiver to an interpolated string handler (the type ships with .NET 6 and later).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
{
    public InterpolatedStringHandlerArgumentAttribute(string argument)
    {
        Arguments = [argument];
    }

    public string[] Arguments { get; }
}
