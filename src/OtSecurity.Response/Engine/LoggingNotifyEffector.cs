using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Engine;

/// <summary>
/// The built-in effector of <see cref="ResponseActionIds.Notify"/>: writes the notification (the alert and the
/// plan's verdicts) as a warning to the logging pipeline, where alerting picks it up. Products register their own
/// notify effector (pager, e-mail, chat) to replace or add to it.
/// </summary>
public sealed class LoggingNotifyEffector : IResponseEffector
{
    private readonly ILogger _logger;

    /// <summary>Creates the effector.</summary>
    /// <param name="logger">The logger; none when null.</param>
    public LoggingNotifyEffector(ILogger<LoggingNotifyEffector>? logger = null) => _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public string ActionId => ResponseActionIds.Notify;

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(step);
        string summary = $"{step.Reason} Plan: {plan.Count(ResponseVerdict.Automatic)} automatic, {plan.Count(ResponseVerdict.NeedsApproval)} need approval, {plan.Count(ResponseVerdict.Denied)} denied.";
        ResponseLog.Notification(_logger, plan.AlertId, plan.SiteName, plan.Id, summary);
        return ValueTask.FromResult($"notification logged: {summary}");
    }
}
