using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.DependencyInjection;

internal sealed class ResponseBuilder(IServiceCollection services) : IResponseBuilder
{
    public IServiceCollection Services { get; } = services;

    public IResponseBuilder AddResponsePolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>()
        where TPolicy : class, IResponsePolicy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, TPolicy>());
        return this;
    }

    public IResponseBuilder AddResponseAction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAction>()
        where TAction : class, IResponseAction
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, TAction>());
        return this;
    }

    public IResponseBuilder AddResponseEffector<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEffector>()
        where TEffector : class, IResponseEffector
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseEffector, TEffector>());
        return this;
    }
}
