using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>
/// The serial-line diagnostic state the specification defines for functions 8, 11 and 12 (§6.8–§6.10), kept per
/// server: the 16-bit counters, the diagnostic register, the comm event counter and log, listen-only mode.
/// </summary>
internal sealed class ServerDiagnostics
{
    /// <summary>Receive event (§6.10): bit 7 set; bit 5 while in listen-only mode.</summary>
    private const byte ReceiveEvent = 0x80;
    private const byte ReceiveInListenOnly = 0x20;

    /// <summary>Send event (§6.10): bit 6 set; bits 0–3 tell the exception sent.</summary>
    private const byte SendEvent = 0x40;

    /// <summary>Entered listen-only mode (§6.10).</summary>
    private const byte ListenOnlyEvent = 0x04;

    /// <summary>Communication restart (§6.10).</summary>
    private const byte RestartEvent = 0x00;

    private readonly Lock _gate = new();
    private readonly byte[] _events = new byte[ModbusLimits.MaxCommEvents];
    private int _eventCount;
    private int _newest = -1;
    private ushort[] _counters = new ushort[8];
    private ushort _commEventCounter;
    private ushort _diagnosticRegister;
    private bool _listenOnly;

    public bool ListenOnly
    {
        get
        {
            lock (_gate)
            {
                return _listenOnly;
            }
        }
    }

    public byte AsciiInputDelimiter { get; private set; } = 0x0A;

    /// <summary>A message arrived (counted whether or not it is answered).</summary>
    public void Received()
    {
        lock (_gate)
        {
            _counters[0]++;
            AddEvent((byte)(ReceiveEvent | (_listenOnly ? ReceiveInListenOnly : 0)));
        }
    }

    /// <summary>A message addressed to this server was processed and answered (normal or exception response).</summary>
    public void Answered(ModbusExceptionCode? exception, bool countsAsCompletion)
    {
        lock (_gate)
        {
            _counters[3]++;
            byte flags = exception switch
            {
                null => 0,
                ModbusExceptionCode.IllegalFunction or ModbusExceptionCode.IllegalDataAddress or ModbusExceptionCode.IllegalDataValue => 0x01,
                ModbusExceptionCode.ServerDeviceFailure => 0x02,
                ModbusExceptionCode.Acknowledge or ModbusExceptionCode.ServerDeviceBusy => 0x04,
                ModbusExceptionCode.NegativeAcknowledge => 0x08,
                _ => 0,
            };
            AddEvent((byte)(SendEvent | flags));
            if (exception is not null)
            {
                _counters[2]++;
            }
            else if (countsAsCompletion)
            {
                _commEventCounter++;
            }
        }
    }

    /// <summary>A message was not answered (listen-only mode, or Force Listen Only Mode itself).</summary>
    public void NotAnswered()
    {
        lock (_gate)
        {
            _counters[3]++;
            _counters[4]++;
        }
    }

    /// <summary>A framing error (the Modbus/TCP counterpart of a CRC error): counted as a bus communication error.</summary>
    public void CommunicationError()
    {
        lock (_gate)
        {
            _counters[1]++;
        }
    }

    /// <summary>Counter of sub-functions 11–18, in sub-function order.</summary>
    public ushort GetCounter(ModbusDiagnosticSubFunction subFunction)
    {
        lock (_gate)
        {
            return _counters[(int)subFunction - (int)ModbusDiagnosticSubFunction.ReturnBusMessageCount];
        }
    }

    public ushort DiagnosticRegister
    {
        get
        {
            lock (_gate)
            {
                return _diagnosticRegister;
            }
        }
    }

    public ushort CommEventCounter
    {
        get
        {
            lock (_gate)
            {
                return _commEventCounter;
            }
        }
    }

    public ushort BusMessageCount => GetCounter(ModbusDiagnosticSubFunction.ReturnBusMessageCount);

    /// <summary>Restart Communications Option: counters cleared, listen-only left; 0xFF00 also clears the event log.</summary>
    public void Restart(bool clearEventLog)
    {
        lock (_gate)
        {
            _counters = new ushort[8];
            _commEventCounter = 0;
            _diagnosticRegister = 0;
            _listenOnly = false;
            if (clearEventLog)
            {
                _eventCount = 0;
                _newest = -1;
            }

            AddEvent(RestartEvent);
        }
    }

    public void EnterListenOnly()
    {
        lock (_gate)
        {
            _listenOnly = true;
            AddEvent(ListenOnlyEvent);
        }
    }

    public void ClearCountersAndDiagnosticRegister()
    {
        lock (_gate)
        {
            _counters = new ushort[8];
            _diagnosticRegister = 0;
        }
    }

    public void ClearOverrun()
    {
        lock (_gate)
        {
            _counters[7] = 0;
        }
    }

    public void SetAsciiInputDelimiter(byte delimiter) => AsciiInputDelimiter = delimiter;

    /// <summary>Copies the event log, most recent first; returns the number of events.</summary>
    public int CopyEvents(Span<byte> destination)
    {
        lock (_gate)
        {
            int count = Math.Min(_eventCount, destination.Length);
            for (int i = 0; i < count; i++)
            {
                destination[i] = _events[(_newest - i + _events.Length) % _events.Length];
            }

            return count;
        }
    }

    private void AddEvent(byte value)
    {
        _newest = (_newest + 1) % _events.Length;
        _events[_newest] = value;
        _eventCount = Math.Min(_eventCount + 1, _events.Length);
    }
}
