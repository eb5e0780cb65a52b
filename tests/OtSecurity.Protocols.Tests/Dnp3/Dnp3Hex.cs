namespace OtSecurity.Protocols.Tests.Dnp3;

/// <summary>Hex test vectors: spaces are ignored.</summary>
internal static class Dnp3Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
