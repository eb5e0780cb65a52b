using System.Diagnostics.Metrics;

namespace OtSecurity.Response.Engine;

/// <summary>
/// The metrics of OtSecurity.Response, on the meter named <see cref="MeterName"/> (README lists the instruments):
/// <c>otsec.response.plans</c> (plans made, tag <c>refused</c>), <c>otsec.response.steps</c> (steps judged, tag
/// <c>verdict</c>), <c>otsec.response.policy_failures</c> (policy failures, tags <c>policy</c> and <c>failure</c>),
/// <c>otsec.response.executions</c> (steps executed or skipped, tag <c>status</c>).
/// </summary>
public static class ResponseMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "OtSecurity.Response";

    private static readonly Meter Meter = new(MeterName, "1.0.0");

    internal static Counter<long> Plans { get; } = Meter.CreateCounter<long>("otsec.response.plans", "{plan}", "Response plans made.");

    internal static Counter<long> Steps { get; } = Meter.CreateCounter<long>("otsec.response.steps", "{step}", "Plan steps judged, by verdict.");

    internal static Counter<long> PolicyFailures { get; } = Meter.CreateCounter<long>("otsec.response.policy_failures", "{failure}", "Policies that threw, timed out or gave no decision.");

    internal static Counter<long> Executions { get; } = Meter.CreateCounter<long>("otsec.response.executions", "{step}", "Plan steps executed or skipped, by status.");
}
