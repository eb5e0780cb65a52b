namespace OtSecurity.Protocols.Tests.S7Comm;

/// <summary>Real S7comm packets (TPKT + COTP + S7) taken from the public captures in ../shared/captures/s7comm.</summary>
internal static class S7CommVectors
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // icsnpp-s7ident frame 4: COTP CR, class 0, TPDU size 1024 (0x0A), calling TSAP 0x0100, called TSAP 0x0101.
    public const string ConnectionRequest = "03000016 11e00000000100 c0010a c1020100 c2020101";

    // icsnpp-s7ident frame 6: COTP CC answering it.
    public const string ConnectionConfirm = "03000016 11d00001000100 c0010a c1020100 c2020101";

    // icsnpp-s7ident frame 8: DT (EOT) carrying a setup communication job: AmQ 1/1, PDU 480.
    public const string SetupCommunicationJob = "03000019 02f080 32 01 0000 0000 0008 0000 f0 00 0001 0001 01e0";

    // icsnpp-s7ident frame 9: the ack-data answer (error class/code 0).
    public const string SetupCommunicationAckData = "0300001b 02f080 32 03 0000 0000 0008 0000 00 00 f0 00 0001 0001 01e0";

    // icsnpp-s7ident frame 10: userdata request, CPU functions / read SZL 0x0011 index 0.
    public const string ReadSzlRequest = "03000021 02f080 32 07 0000 0100 0008 0008 000112 04 11 44 01 00 ff 09 0004 0011 0000";

    // icsnpp-s7ident frame 11: the SZL 0x0011 response: order number 6ES7 315-2EH14-0AB0, firmware V3.2.6.
    public const string ReadSzl0011Response = "0300009902f080320700000100000c007c000112081284010000000000ff09007800110000001c0004000136455337203331352d32454831342d304142302000c000040001000636455337203331352d32454831342d304142302000c0000400010007202020202020202020202020202020202020202000c0560302060081426f6f74204c6f61646572202020202020202020000041200909";

    // icsnpp-s7ident frame 13: the SZL 0x001C response: PLC name SNAP7-SERVER, module CPU 315-2 PN/DP, serial S C-C2UR28922012.
    public const string ReadSzl001CResponse = "0300017d02f080320700000200000c0160000112081284010000000000ff09015c001c00000022000a0001534e4150372d53455256455200000000000000000000000000000000000000000002435055203331352d3220504e2f445000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000000044f726967696e616c205369656d656e732045717569706d656e7400000000000000055320432d433255523238393232303132000000000000000000000000000000000007435055203331352d3220504e2f4450000000000000000000000000000000000000084d4d4320323637464631314600000000000000000000000000000000000000000009002af60000010000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000000b0000000000000000000000000000000000000000000000000000000000000000";

    // icsnpp-s7ident frame 21: ack (ROSCTR 2) with error class 0xD2 code 0x41 refusing a start upload.
    public const string AckWithError = "03000013 02f080 32 02 0000 0600 0000 0000 d2 41";

    // icsnpp-s7ident frame 31: read var job, 5 S7ANY items (MB0 16 bytes, I, Q, timers, counters).
    public const string ReadVarJob = "0300004f02f080320100000a00003e00000405120a10020010000083000000120a10020010000081000000120a10020010000082000000120a101d000800001d000000120a101c000800001c000000";

    // icsnpp-s7ident frame 32: read var response, 5 items with return code 0x0A (object does not exist).
    public const string ReadVarResponseErrors = "0300002902f080320300000a0000020014000004050a0000040a0000040a0000040a0000040a000004";

    // snap7-s300-everything frame 53: write var job, 5 items with data (odd lengths padded).
    public const string WriteVarJob = "030000c302f080320100001a00003e00740505120a10040010000083000000120a10020010000081000000120a10020010000082000000120a101d000800001d000000120a101c000800001c00000000040100addeaddeaddeaddeaddeaddeaddeaddeefbeefbeefbeefbeefbeefbeefbeefbe00040080aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb00040080bbbbbbbbbbbbbbbbaddeaddeaddeadde00090010efbeefbeefbeefbeefbeefbeefbeefbe00090010fecafecafecafecafecafecafecafeca";

    // snap7-s300-everything frame 54: write var response, return codes ff ff ff 03 03.
    public const string WriteVarResponse = "0300001a02f080320300001a000002000500000505ffffff0303";

    // snap7-s300-everything frame 57: PLC stop job, service P_PROGRAM.
    public const string PlcStopJob = "0300002102f080320100001c000010000029000000000009505f50524f4752414d";

    // snap7-s300-everything frame 63: PI service job P_PROGRAM with parameter block "C " (start).
    public const string PiStartJob = "0300002702f080320100001f000016000028000000000000fd0002432009505f50524f4752414d";

    // s7comm-downloading-block-db1 frame 58: PI service _INSE for block DB1 ("0A00001P").
    public const string PiInsertJob = "0300002b02f080320100000f00001a000028000000000000fd000a01003041303030303150055f494e5345";

    // s7comm-downloading-block-db1 frame 43: request download of DB1, load memory 000500, MC7 000400.
    public const string RequestDownloadJob = "0300003102f080320100000e00002000001a00010000000000095f30413030303031500d31303030353030303030343030";

    // snap7-s300-everything frame 17: start upload of SDB 0 (active file system).
    public const string StartUploadJob = "0300002302f080320100000800001200001d00000000000000095f3042303030303041";

    // snap7-s300-everything frame 18: its ack-data with upload id 7 and block length "0000216".
    public const string StartUploadAckData = "0300002302f0803203000008000010000000001d000100000000070730303030323136";

    // snap7-s300-everything frame 19: upload job, upload id 7.
    public const string UploadJob = "0300001902f080320100000900000800001e00000000000007";

    // snap7-s300-everything frame 46: userdata response, time functions / read clock.
    public const string ReadClockResponse = "0300002b02f080320700001600000c000e000112081287010200000000ff09000a00191602081451379162";

    // s7comm-downloading-block-db1 frame 9: an empty DT without EOT (STEP 7 sends these before each PDU).
    public const string EmptyDataNoEot = "03000007 02f000";
}
