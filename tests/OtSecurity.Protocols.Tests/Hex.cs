namespace OtSecurity.Protocols.Tests;

/// <summary>Hex test vectors: spaces allowed, as the specifications print them.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
