using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.DependencyInjection;

/// <summary>Adds products' policies, actions and effectors to the response engine (returned by <c>AddOtSecurityResponse</c>).</summary>
public interface IResponseBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Adds a policy (a singleton; adding the same type twice is harmless). Policies can only make steps stricter:
    /// the safety guards are applied whatever the registrations hold.
    /// </summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    IResponseBuilder AddResponsePolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>()
        where TPolicy : class, IResponsePolicy;

    /// <summary>Adds an action to the catalog, after the built-in ones (a singleton; adding the same type twice is harmless).</summary>
    /// <typeparam name="TAction">The action type.</typeparam>
    IResponseBuilder AddResponseAction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAction>()
        where TAction : class, IResponseAction;

    /// <summary>Adds an effector that carries out an action for real (a singleton; adding the same type twice is harmless).</summary>
    /// <typeparam name="TEffector">The effector type.</typeparam>
    IResponseBuilder AddResponseEffector<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEffector>()
        where TEffector : class, IResponseEffector;
}
