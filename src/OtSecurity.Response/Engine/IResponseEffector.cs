using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Engine;

/// <summary>
/// Carries out one kind of action for real (a firewall rule, a ticket, a page, a request in the operations
/// log). Products register effectors through DI (<c>AddOtSecurityResponse().AddResponseEffector&lt;T&gt;()</c>);
/// the executor calls an effector only for a step that is cleared (automatic, or approved) in a plan that is not
/// a dry run, after the steps it depends on have run.
/// </summary>
public interface IResponseEffector
{
    /// <summary>The id of the action this effector carries out.</summary>
    string ActionId { get; }

    /// <summary>Carries out a step.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="step">The step (cleared).</param>
    /// <param name="cancellationToken">Cancels the execution.</param>
    /// <returns>What was done, in words, for the execution report.</returns>
    ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken);
}
