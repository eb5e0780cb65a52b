namespace OtSecurity.Protocols.Tests.Bacnet;

/// <summary>Hex vectors for the BACnet tests: spaces are ignored.</summary>
internal static class BacnetHex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
