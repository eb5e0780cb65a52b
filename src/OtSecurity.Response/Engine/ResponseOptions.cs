using System.ComponentModel.DataAnnotations;

namespace OtSecurity.Response.Engine;

/// <summary>
/// Options of the response engine (docs/response.md). Money is in the currency of the downtime cost model
/// (OtSecurity.Risk). The engine copies the options when it is created.
/// </summary>
public sealed class ResponseOptions : IValidatableObject
{
    /// <summary>Expected downtime cost above which an action needs one person's approval (default 10,000). Must be ≥ 0.</summary>
    [Range(0.0, double.MaxValue)]
    public double ApprovalThreshold { get; set; } = 10_000;

    /// <summary>Expected downtime cost above which an action needs two different people's approval (default 100,000). Must be ≥ <see cref="ApprovalThreshold"/>.</summary>
    [Range(0.0, double.MaxValue)]
    public double TwoPersonThreshold { get; set; } = 100_000;

    /// <summary>
    /// How long the policies of one plan may take (wall-clock time, default 2 s); a policy that has not decided by
    /// then is treated as failed and denies its action. Between 1 ms and 5 minutes.
    /// </summary>
    public TimeSpan PolicyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after it is made a plan may be executed (default 15 minutes); older plans must be made again. Between 1 second and 1 day.</summary>
    public TimeSpan PlanLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The site declares restoration first: production is restored before evidence is kept (for example a water
    /// utility that must restore service at once). Evidence steps then follow restoration in plans, and the
    /// evidence-before-restoration policy lets restoration go first. Default false: evidence first.
    /// </summary>
    public bool RestorationFirst { get; set; }

    /// <summary>The zones that declare restoration first, when the whole site does not.</summary>
    public IList<string> RestorationFirstZones { get; } = [];

    /// <summary>Expected hours of lost production per action id, overriding <see cref="Actions.IResponseAction.ExpectedOutageHours"/>. Values must be finite and ≥ 0.</summary>
    public IDictionary<string, double> ExpectedOutageHours { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TwoPersonThreshold < ApprovalThreshold)
        {
            yield return new ValidationResult($"TwoPersonThreshold ({TwoPersonThreshold}) must be at least ApprovalThreshold ({ApprovalThreshold}).", [nameof(TwoPersonThreshold)]);
        }

        if (PolicyTimeout < TimeSpan.FromMilliseconds(1) || PolicyTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"PolicyTimeout ({PolicyTimeout}) must be between 1 ms and 5 minutes.", [nameof(PolicyTimeout)]);
        }

        if (PlanLifetime < TimeSpan.FromSeconds(1) || PlanLifetime > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"PlanLifetime ({PlanLifetime}) must be between 1 second and 1 day.", [nameof(PlanLifetime)]);
        }

        foreach ((string action, double hours) in ExpectedOutageHours)
        {
            if (!double.IsFinite(hours) || hours < 0)
            {
                yield return new ValidationResult($"ExpectedOutageHours['{action}'] is {hours}; it must be a finite number of hours ≥ 0.", [nameof(ExpectedOutageHours)]);
            }
        }

        foreach (string zone in RestorationFirstZones)
        {
            if (string.IsNullOrWhiteSpace(zone))
            {
                yield return new ValidationResult("RestorationFirstZones holds an empty zone id.", [nameof(RestorationFirstZones)]);
            }
        }
    }

    /// <summary>A copy of the options.</summary>
    public ResponseOptions Clone()
    {
        var copy = new ResponseOptions
        {
            ApprovalThreshold = ApprovalThreshold,
            TwoPersonThreshold = TwoPersonThreshold,
            PolicyTimeout = PolicyTimeout,
            PlanLifetime = PlanLifetime,
            RestorationFirst = RestorationFirst,
        };
        foreach (string zone in RestorationFirstZones)
        {
            copy.RestorationFirstZones.Add(zone);
        }

        foreach ((string action, double hours) in ExpectedOutageHours)
        {
            copy.ExpectedOutageHours[action] = hours;
        }

        return copy;
    }

    /// <summary>True when <paramref name="zoneId"/> (or the whole site) declares restoration first.</summary>
    /// <param name="zoneId">A zone id.</param>
    public bool IsRestorationFirst(string zoneId) => RestorationFirst || RestorationFirstZones.Contains(zoneId, StringComparer.Ordinal);
}
