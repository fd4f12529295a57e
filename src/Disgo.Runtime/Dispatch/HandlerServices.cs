using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo;

/// <summary>
/// How generated bot factories take handler dependencies from an <see cref="IServiceProvider"/>: by the parameter's
/// static type, without reflection, so the bot stays trimmable and Native AOT-clean.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerServices
{
    /// <summary>The service of type <typeparamref name="T"/> for a constructor parameter without a default.</summary>
    /// <param name="services">Where the service is registered.</param>
    /// <param name="handlerType">The handler class being constructed, for the error message.</param>
    /// <param name="parameter">The constructor parameter, for the error message.</param>
    /// <exception cref="InvalidOperationException">No service of type <typeparamref name="T"/> is registered.</exception>
    public static T Require<T>(IServiceProvider services, string handlerType, string parameter)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(
                $"{handlerType} needs a {typeof(T)} for its constructor parameter '{parameter}', and the service provider has none registered.");
    }

    /// <summary>The service of type <typeparamref name="T"/> if registered, otherwise <paramref name="fallback"/> (a parameter's default).</summary>
    public static T Optional<T>(IServiceProvider services, T fallback)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service ? service : fallback;
    }

    /// <summary>A logger named <paramref name="category"/> from the registered <see cref="ILoggerFactory"/>, or one that logs nothing.</summary>
    public static ILogger CreateLogger(IServiceProvider services, string category)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory ? factory.CreateLogger(category) : NullLogger.Instance;
    }
}
