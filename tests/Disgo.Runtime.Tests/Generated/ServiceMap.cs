namespace Disgo.Runtime.Tests.Generated;

/// <summary>The smallest <see cref="IServiceProvider"/>: services by exact type, as a DI container resolves them.</summary>
internal sealed class ServiceMap : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public ServiceMap Add<T>(T service)
        where T : notnull
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
