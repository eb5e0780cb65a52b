using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// A response action of the catalog: what it is, when to propose it for an alert, and what it would affect.
/// Products add their own through DI (<c>AddOtSecurityResponse().AddResponseAction&lt;T&gt;()</c>); whatever an
/// action declares, the engine runs every proposal through the policies, and the safety guards judge its
/// <see cref="ComputeBlastRadius"/> result, so an action should compute its radius with
/// <see cref="BlastRadiusCalculator"/> and never leave out what it touches. Implementations are stateless and
/// thread-safe.
/// </summary>
public interface IResponseAction
{
    /// <summary>The action id, lower-case words joined by '-', unique in the catalog (for example "isolate-conduit").</summary>
    string Id { get; }

    /// <summary>The action's name for people ("Isolate a conduit").</summary>
    string Name { get; }

    /// <summary>What the action does, in one or two sentences.</summary>
    string Description { get; }

    /// <summary>Where the action sits in a plan.</summary>
    ActionPhase Phase { get; }

    /// <summary>What kind of action it is.</summary>
    ActionTraits Traits { get; }

    /// <summary>
    /// The hours of lost production the action is expected to cause for what its blast radius affects (0 for
    /// actions that do not interrupt production); <see cref="Engine.ResponseOptions.ExpectedOutageHours"/> overrides it.
    /// </summary>
    double ExpectedOutageHours { get; }

    /// <summary>The proposals for an alert, in a deterministic order; none when the action does not apply.</summary>
    /// <param name="context">The alert, the site and what they resolve to.</param>
    IEnumerable<ActionProposal> Propose(ProposalContext context);

    /// <summary>What the proposal would affect, over the site's zone/conduit graph.</summary>
    /// <param name="proposal">A proposal of this action (possibly from another source, with ids the site does not know).</param>
    /// <param name="graph">The site graph.</param>
    ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph);
}
