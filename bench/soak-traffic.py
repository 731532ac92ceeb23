#!/usr/bin/env python3
"""Many short TCP connections on 127.0.0.1 for the capture soak benchmark (bench/capture-soak.sh).

Usage: soak-traffic.py SECONDS RATE
Prints the server's port, then runs for SECONDS at RATE connections a second: each one a request
of 32 bytes, a reply of 64, and a close by the server first (so TIME_WAIT stays on the server's
side and the client's ephemeral ports are not used up), read to the end by the client. Every ten
seconds, and at the end, prints "CONNECTIONS ELAPSED_SECONDS".
"""
import socket
import sys
import threading
import time

seconds, rate = float(sys.argv[1]), float(sys.argv[2])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(128)
print(server.getsockname()[1], flush=True)
sys.stdin.readline()


def serve():
    while True:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            request = b""
            while len(request) < 32:
                chunk = conn.recv(32 - len(request))
                if not chunk:
                    break
                request += chunk
            conn.sendall(b"r" * 64)


threading.Thread(target=serve, daemon=True).start()
start = time.monotonic()
made = 0
report = start + 10
while True:
    now = time.monotonic()
    if now - start >= seconds:
        break
    due = start + made / rate
    if now < due:
        time.sleep(due - now)
    with socket.create_connection(("127.0.0.1", server.getsockname()[1])) as client:
        client.sendall(b"q" * 32)
        while client.recv(4096):
            pass
    made += 1
    if time.monotonic() >= report:
        print(made, round(time.monotonic() - start, 1), flush=True)
        report += 10
print(made, round(time.monotonic() - start, 1), flush=True)
server.close()
