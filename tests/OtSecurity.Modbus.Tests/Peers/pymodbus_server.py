#!/usr/bin/python3
"""Modbus/TCP server peer for the OtSecurity.Modbus interop tests (pymodbus 3.0, Debian python3-pymodbus).

Usage: /usr/bin/python3 pymodbus_server.py PORT

Listens on 127.0.0.1:PORT with 100 items per table, zero-based addresses (address 0 is the first item):
  holding registers  1000 + address      input registers  2000 + address
  coils              address % 2 == 0    discrete inputs  address % 3 == 0
and an identity with every regular object plus three private objects of 100 bytes (0x80-0x82), so that an
extended Read Device Identification needs "more follows" paging. Runs until killed.
"""
import logging
import sys
import types

# pymodbus.server imports pyserial and pyserial-asyncio for its serial servers, but Debian's python3-pymodbus only
# Recommends python3-serial-asyncio, and CI installs with --no-install-recommends. A TCP server never touches them:
# stand in empty modules when they are absent.
for _name in ("serial", "serial_asyncio"):
    try:
        __import__(_name)
    except ImportError:
        _stub = types.ModuleType(_name)
        _stub.create_serial_connection = None
        sys.modules[_name] = _stub

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.server import StartTcpServer

SIZE = 100


def main():
    port = int(sys.argv[1])
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    store = ModbusSlaveContext(
        di=ModbusSequentialDataBlock(0, [a % 3 == 0 for a in range(SIZE)]),
        co=ModbusSequentialDataBlock(0, [a % 2 == 0 for a in range(SIZE)]),
        hr=ModbusSequentialDataBlock(0, [1000 + a for a in range(SIZE)]),
        ir=ModbusSequentialDataBlock(0, [2000 + a for a in range(SIZE)]),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves=store, single=True)
    identity = ModbusDeviceIdentification(
        info={
            0x80: "A" * 100,
            0x81: "B" * 100,
            0x82: "C" * 100,
        },
        info_name={
            "VendorName": "pymodbus peer",
            "ProductCode": "PM-PEER",
            "MajorMinorRevision": "3.0.0",
            "VendorUrl": "https://github.com/pymodbus-dev/pymodbus",
            "ProductName": "pymodbus server",
            "ModelName": "interop peer",
            "UserApplicationName": "otsec interop tests",
        },
    )
    StartTcpServer(context=context, identity=identity, address=("127.0.0.1", port))


if __name__ == "__main__":
    main()
