namespace OtSecurity.Capture.Dissection;

/// <summary>The transport a protocol message arrived on.</summary>
public enum TransportKind
{
    /// <summary>A reassembled TCP byte stream.</summary>
    Tcp,

    /// <summary>A UDP datagram.</summary>
    Udp,
}
