/*
 * Modbus/TCP client peer for the OtSecurity.Modbus interop tests (libmodbus 3.1, Debian libmodbus-dev).
 * Compiled by the tests: gcc libmodbus_client.c -o libmodbus_client $(pkg-config --cflags --libs libmodbus)
 *
 * Usage: libmodbus_client PORT
 *
 * Runs a fixed script of requests against 127.0.0.1:PORT, unit 1, and prints one line per step:
 *   "<step> ok <values...>"  or  "<step> error <libmodbus message>"
 * The test that starts it prepares the server's data and checks every line and the server's data afterwards.
 * Exit code 0 when the script ran to the end (steps may report errors: some are meant to), 1 when it could not connect.
 */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_registers(const char *step, int rc, const uint16_t *values)
{
    if (rc == -1) {
        printf("%s error %s\n", step, modbus_strerror(errno));
        return;
    }

    printf("%s ok", step);
    for (int i = 0; i < rc; i++) {
        printf(" %u", values[i]);
    }

    printf("\n");
}

static void print_bits(const char *step, int rc, const uint8_t *values)
{
    if (rc == -1) {
        printf("%s error %s\n", step, modbus_strerror(errno));
        return;
    }

    printf("%s ok ", step);
    for (int i = 0; i < rc; i++) {
        printf("%u", values[i]);
    }

    printf("\n");
}

static void print_status(const char *step, int rc)
{
    if (rc == -1) {
        printf("%s error %s\n", step, modbus_strerror(errno));
    } else {
        printf("%s ok\n", step);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }

    modbus_t *ctx = modbus_new_tcp("127.0.0.1", atoi(argv[1]));
    modbus_set_slave(ctx, 1);
    modbus_set_response_timeout(ctx, 2, 0);
    if (modbus_connect(ctx) == -1) {
        fprintf(stderr, "connect failed: %s\n", modbus_strerror(errno));
        return 1;
    }

    uint16_t registers[MODBUS_MAX_READ_REGISTERS];
    uint8_t bits[MODBUS_MAX_READ_BITS];
    int rc;

    rc = modbus_read_registers(ctx, 0, 5, registers);
    print_registers("read_registers", rc, registers);
    rc = modbus_read_input_registers(ctx, 0, 3, registers);
    print_registers("read_input_registers", rc, registers);
    rc = modbus_read_bits(ctx, 0, 8, bits);
    print_bits("read_bits", rc, bits);
    rc = modbus_read_input_bits(ctx, 0, 8, bits);
    print_bits("read_input_bits", rc, bits);

    print_status("write_register", modbus_write_register(ctx, 10, 1234));
    const uint16_t many[3] = {11, 22, 33};
    print_status("write_registers", modbus_write_registers(ctx, 20, 3, many));
    print_status("write_bit", modbus_write_bit(ctx, 5, 1));
    const uint8_t coils[4] = {1, 0, 1, 1};
    print_status("write_bits", modbus_write_bits(ctx, 8, 4, coils));
    print_status("mask_write_register", modbus_mask_write_register(ctx, 30, 0x00F2, 0x0025));
    const uint16_t written[2] = {7, 8};
    rc = modbus_write_and_read_registers(ctx, 40, 2, written, 39, 4, registers);
    print_registers("write_and_read_registers", rc, registers);

    uint8_t id[MODBUS_MAX_PDU_LENGTH];
    rc = modbus_report_slave_id(ctx, sizeof(id), id);
    if (rc == -1) {
        printf("report_slave_id error %s\n", modbus_strerror(errno));
    } else {
        printf("report_slave_id ok %d ", rc);
        for (int i = 0; i < rc; i++) {
            printf("%02X", id[i]);
        }

        printf("\n");
    }

    /* Exceptions: an address the server does not have, then a function it does not know (65, user-defined). */
    rc = modbus_read_registers(ctx, 60000, 2, registers);
    print_registers("read_registers_out_of_range", rc, registers);
    const uint8_t raw[] = {1, 0x41, 0x00};
    uint8_t response[MODBUS_TCP_MAX_ADU_LENGTH];
    rc = modbus_send_raw_request(ctx, raw, sizeof(raw));
    if (rc != -1) {
        rc = modbus_receive_confirmation(ctx, response);
    }

    /* modbus_receive_confirmation returns the raw ADU: an exception response has bit 7 of the function set. */
    int header = modbus_get_header_length(ctx);
    if (rc == -1) {
        printf("user_defined_function error %s\n", modbus_strerror(errno));
    } else if (rc > header + 1 && (response[header] & 0x80) != 0) {
        printf("user_defined_function exception %02X %02X\n", response[header], response[header + 1]);
    } else {
        printf("user_defined_function ok %d\n", rc);
    }

    /* The connection must still work after the exceptions. */
    rc = modbus_read_registers(ctx, 10, 1, registers);
    print_registers("read_after_exceptions", rc, registers);

    modbus_close(ctx);
    modbus_free(ctx);
    return 0;
}
