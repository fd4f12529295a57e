using System.Linq.Expressions;
using System.Reflection;

namespace Disgo.Benchmarks.Generator;

/// <summary>Calls one handler method: its instance (null for a static one), the deserialized model and the context.</summary>
internal delegate ValueTask HandlerInvoker(object? target, object model, DispatchContext context);

/// <summary>The two ways reflection-based dispatchers call handlers they discovered.</summary>
internal static class HandlerInvokers
{
    public static HandlerInvoker Create(MethodInfo method, bool takesContext, ReflectionInvocation invocation) => invocation switch
    {
        ReflectionInvocation.MethodInfoInvoke => ByMethodInfo(method, takesContext),
        ReflectionInvocation.CompiledDelegate => Compile(method, takesContext),
        _ => throw new ArgumentOutOfRangeException(nameof(invocation), invocation, null),
    };

    private static HandlerInvoker ByMethodInfo(MethodInfo method, bool takesContext) => takesContext
        ? (target, model, context) => Completion(method.Invoke(target, [model, context]))
        : (target, model, _) => Completion(method.Invoke(target, [model]));

    private static HandlerInvoker Compile(MethodInfo method, bool takesContext)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var model = Expression.Parameter(typeof(object), "model");
        var context = Expression.Parameter(typeof(DispatchContext), "context");
        var typedModel = Expression.Convert(model, method.GetParameters()[0].ParameterType);
        var call = Expression.Call(
            method.IsStatic ? null : Expression.Convert(target, method.DeclaringType!),
            method,
            takesContext ? [typedModel, context] : [typedModel]);
        Expression body = method.ReturnType == typeof(void) ? Expression.Block(call, Expression.Default(typeof(ValueTask)))
            : method.ReturnType == typeof(Task) ? Expression.New(typeof(ValueTask).GetConstructor([typeof(Task)])!, call)
            : call;
        return Expression.Lambda<HandlerInvoker>(body, target, model, context).Compile();
    }

    private static ValueTask Completion(object? result) => result switch
    {
        ValueTask valueTask => valueTask,
        Task task => new ValueTask(task),
        _ => default,
    };
}
