using Microsoft.Extensions.Logging;

namespace OtSecurity.Response.Engine;

internal static partial class ResponseLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Response plan {PlanId} for alert {AlertId} at {Site}: {Steps} steps ({Automatic} automatic, {NeedsApproval} need approval, {Denied} denied){DryRun}")]
    public static partial void PlanCreated(ILogger logger, string planId, string alertId, string site, int steps, int automatic, int needsApproval, int denied, string dryRun);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The response engine refused to plan: {Reason}")]
    public static partial void PlanRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Policy {PolicyId} failed on step {StepId} ({Failure}): {Reason}; the fail-safe denies the step")]
    public static partial void PolicyFailed(ILogger logger, string policyId, string stepId, string failure, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Action {ActionId} failed while proposing steps: {Reason}")]
    public static partial void ProposalFailed(ILogger logger, string actionId, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Step {StepId} of plan {PlanId} approved by {Approver} ({Count} of {Required})")]
    public static partial void StepApproved(ILogger logger, string stepId, string planId, string approver, int count, int required);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Step {StepId} of plan {PlanId}: {Status}{Detail}")]
    public static partial void StepExecuted(ILogger logger, string stepId, string planId, StepExecutionStatus status, string detail);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Response notification for alert {AlertId} at {Site} (plan {PlanId}): {Summary}")]
    public static partial void Notification(ILogger logger, string alertId, string site, string planId, string summary);
}
