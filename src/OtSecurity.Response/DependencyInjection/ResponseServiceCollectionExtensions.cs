using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OtSecurity.Response.Actions;
using OtSecurity.Response.DependencyInjection;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OT response engine.</summary>
public static class ResponseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the response engine (<see cref="ResponseEngine"/>), the executor (<see cref="ResponseExecutor"/>),
    /// the built-in action catalog and policies, the logging notify effector, the downtime cost estimator over
    /// OtSecurity.Risk (<see cref="RiskDowntimeCostEstimator"/>, which takes a registered
    /// <c>OtSecurity.Risk.Reports.RiskAssumptions</c> when there is one), <see cref="TimeProvider.System"/> and
    /// validated <see cref="ResponseOptions"/>. Uses
    /// <c>TryAdd*</c> only, so calling it again is harmless and a product's own registrations made before it win.
    /// The safety guards are applied by the engine itself: removing or reordering their registrations changes
    /// nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>A builder to add policies, actions and effectors.</returns>
    public static IResponseBuilder AddOtSecurityResponse(this IServiceCollection services, Action<ResponseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<ResponseOptions> options = services.AddOptions<ResponseOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResponseOptions>, ResponseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, NotifyAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, OpenTicketAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, RaiseMonitoringAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, CaptureTrafficAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, SnapshotConfigurationAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, BlockBoundaryFlowAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, EndVendorSessionAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, DisableVendorAccountAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, IsolateConduitAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, QuarantineHostAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, RequestSafeStateAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, RequestProcessShutdownAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseAction, RestoreConfigurationAction>());

        // Registered so products can see them; the engine applies its own guard instances regardless.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, SafetyInstrumentedSystemGuard>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, EmergencyStopGuard>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, HumanFactorsPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, ProductionImpactPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, MaintenanceWindowPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponsePolicy, EvidenceBeforeRestorationPolicy>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseEffector, LoggingNotifyEffector>());
        services.TryAddSingleton<IDowntimeCostEstimator, RiskDowntimeCostEstimator>();
        services.TryAddSingleton<ResponseEngine>();
        services.TryAddSingleton<ResponseExecutor>();
        return new ResponseBuilder(services);
    }
}
