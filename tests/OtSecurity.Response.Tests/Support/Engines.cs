using Microsoft.Extensions.Time.Testing;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Tests.Support;

public static class Engines
{
    public static ResponseEngine Create(
        DateTimeOffset now,
        ResponseOptions? options = null,
        IEnumerable<IResponsePolicy>? policies = null,
        IEnumerable<IResponseAction>? actions = null,
        IDowntimeCostEstimator? estimator = null) =>
        ResponseEngine.Create(options, estimator ?? new FlatRateEstimator(1_000), new FakeTimeProvider(now), actions, policies);
}
