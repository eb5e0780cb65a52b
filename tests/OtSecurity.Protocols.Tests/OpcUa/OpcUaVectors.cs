namespace OtSecurity.Protocols.Tests.OpcUa;

/// <summary>Real OPC UA chunks from ../shared/captures/opcua/icsnpp-python-opcua-minimal.pcap (FreeOpcUa client and server).</summary>
internal static class OpcUaVectors
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // Frame 7: HEL, version 0, buffers 65536/65536, no limits, endpoint opc.tcp://localhost:4840/freeopcua/server/.
    public const string Hello = "48454c46 4a000000 00000000 00000100 00000100 00000000 00000000 2a000000 6f70632e7463703a2f2f6c6f63616c686f73743a343834302f667265656f706375612f7365727665722f";

    // Frame 9: ACK, version 0, buffers 65536/65536, no limits.
    public const string Acknowledge = "41434b46 1c000000 00000000 00000100 00000100 00000000 00000000";

    // Frame 11: OPN request, channel 0, policy None, no certificate, no thumbprint, sequence 1, request 1,
    // OpenSecureChannelRequest (446 as a four-byte node id), security mode None (1), lifetime 3600000 ms.
    public const string OpenRequest = "4f504e4684000000000000002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff01000000010000000100be010000647cf1a8e973d5010100000000000000ffffffffe80300000000000000000000000000010000000000000080ee3600";

    // Frame 13: OPN response, channel 9, OpenSecureChannelResponse (449).
    public const string OpenResponse = "4f504e4687000000090000002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff01000000010000000100c1017e94f1a8e973d5010100000000000000000000000000000000000000090000000e0000001a94f1a8e973d50180ee360000000000";

    // Frame 27: MSG, channel 9, token 14, sequence 5, request 5, TranslateBrowsePathsToNodeIdsRequest (554 = 0x022a).
    public const string TranslateRequest = "4d5347467f000000090000000e000000050000000500000001002a02020000ec0300009e73f2a8e973d5010500000000000000ffffffffe803000000000001000000005403000000002100010000070000004f626a65637473002100010200080000004d794f626a6563740021000102000a0000004d795661726961626c65";

    // Frame 39: CLO, channel 9, CloseSecureChannelRequest (452 = 0x01c4).
    public const string Close = "434c4f463e000000090000000e00000008000000080000000100c401020000ec0300006ef3f2a8e973d5010800000000000000ffffffffe8030000000000";
}
