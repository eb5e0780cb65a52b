/*
 * Modbus/TCP server peer for the OtSecurity.Modbus interop tests (libmodbus 3.1, Debian libmodbus-dev).
 * Compiled by the tests: gcc libmodbus_server.c -o libmodbus_server $(pkg-config --cflags --libs libmodbus)
 *
 * Usage: libmodbus_server PORT
 *
 * Listens on 127.0.0.1:PORT and serves one connection at a time (libmodbus's model), any unit id, 100 items per
 * table at addresses 0..99:
 *   holding registers 3000 + address   input registers 4000 + address
 *   coils             address % 2 == 1 discrete inputs address % 4 == 0
 * Functions libmodbus 3.1 answers: 1-6, 15, 16, 17 (report server id), 22 (mask write), 23 (write and read);
 * anything else gets exception 01. Addresses outside 0..99 get exception 02. Runs until killed.
 */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SIZE 100

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }

    modbus_t *ctx = modbus_new_tcp("127.0.0.1", atoi(argv[1]));
    modbus_mapping_t *map = modbus_mapping_new_start_address(0, SIZE, 0, SIZE, 0, SIZE, 0, SIZE);
    if (ctx == NULL || map == NULL) {
        fprintf(stderr, "libmodbus set-up failed: %s\n", modbus_strerror(errno));
        return 1;
    }

    for (int a = 0; a < SIZE; a++) {
        map->tab_registers[a] = (uint16_t)(3000 + a);
        map->tab_input_registers[a] = (uint16_t)(4000 + a);
        map->tab_bits[a] = (uint8_t)(a % 2 == 1);
        map->tab_input_bits[a] = (uint8_t)(a % 4 == 0);
    }

    int listener = modbus_tcp_listen(ctx, 4);
    if (listener == -1) {
        fprintf(stderr, "listen failed: %s\n", modbus_strerror(errno));
        return 1;
    }

    fprintf(stderr, "listening\n");
    for (;;) {
        int client = modbus_tcp_accept(ctx, &listener);
        if (client == -1) {
            fprintf(stderr, "accept failed: %s\n", modbus_strerror(errno));
            return 1;
        }

        uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
        for (;;) {
            int length = modbus_receive(ctx, query);
            if (length > 0) {
                modbus_reply(ctx, query, length, map);
            } else if (length == -1) {
                break; /* connection closed or bad frame: serve the next client */
            }
        }

        close(client);
    }
}
