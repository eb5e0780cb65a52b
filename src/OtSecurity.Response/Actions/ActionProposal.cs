using OtSecurity.Model;

namespace OtSecurity.Response.Actions;

/// <summary>An action an <see cref="IResponseAction"/> proposes for an alert: which action, on what, and why.</summary>
public sealed record ActionProposal
{
    /// <summary>The id of the action (<see cref="IResponseAction.Id"/>).</summary>
    public required string ActionId { get; init; }

    /// <summary>What the action acts on.</summary>
    public required ActionTarget Target { get; init; }

    /// <summary>The assets the action is restricted to (the flows blocked, the assets a session reaches); empty when the target says it all.</summary>
    public EquatableArray<string> Scope { get; init; }

    /// <summary>The ATT&amp;CK for ICS techniques of the alert that led to the proposal.</summary>
    public EquatableArray<string> Techniques { get; init; }

    /// <summary>Why the action is proposed, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>The step id in a plan: "action@kind:id", for example "isolate-conduit@conduit:cnd-l3-l2".</summary>
    public string StepId => $"{ActionId}@{Target}";
}
