namespace OtSecurity.Response.BlastRadius;

/// <summary>
/// An operator station that would lose its connection to a controller it supervises: the operator at
/// <see cref="StationAssetId"/> would lose the view and control of the process that <see cref="ControllerAssetId"/> runs.
/// </summary>
/// <param name="StationAssetId">The HMI or SCADA server.</param>
/// <param name="ControllerAssetId">The controller it supervises.</param>
public sealed record SupervisionLoss(string StationAssetId, string ControllerAssetId)
{
    /// <inheritdoc />
    public override string ToString() => $"{StationAssetId} -> {ControllerAssetId}";
}
