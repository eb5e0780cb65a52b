namespace OtSecurity.Risk.Simulation;

/// <summary>One point of a loss exceedance curve: the probability that the annual loss exceeds a threshold.</summary>
/// <param name="Threshold">The annual loss, in currency.</param>
/// <param name="Probability">P(annual loss &gt; threshold).</param>
public readonly record struct ExceedancePoint(double Threshold, double Probability);
