namespace OtSecurity.Risk.Distributions;

/// <summary>The family of a <see cref="Distribution"/>.</summary>
public enum DistributionKind
{
    /// <summary>Always the same value.</summary>
    Constant,

    /// <summary>PERT (beta-PERT) over [minimum, maximum] with a most likely value.</summary>
    Pert,

    /// <summary>Lognormal: e^(μ + σZ) with Z standard normal.</summary>
    LogNormal,

    /// <summary>Bernoulli: 1 with probability p, otherwise 0.</summary>
    Bernoulli,

    /// <summary>Uniform over [minimum, maximum].</summary>
    Uniform,
}
