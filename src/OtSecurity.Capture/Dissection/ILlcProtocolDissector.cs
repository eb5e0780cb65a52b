namespace OtSecurity.Capture.Dissection;

/// <summary>
/// A protocol that also runs directly on IEEE 802.2 LLC, without IP (BACnet/Ethernet uses SAP 0x82). The pipeline
/// gives it the information field of every Ethernet 802.3 frame whose DSAP and SSAP are
/// <see cref="LlcServiceAccessPoint"/> and whose control field is UI (0x03), with <see cref="TransportKind.Llc"/>:
/// one frame per <see cref="IFlowDissector.Dissect"/> call, like a UDP datagram.
/// </summary>
public interface ILlcProtocolDissector : IProtocolDissector
{
    /// <summary>The LLC service access point of the protocol (DSAP = SSAP).</summary>
    byte LlcServiceAccessPoint { get; }
}
