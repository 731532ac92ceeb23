"""An independent program for the capture tests: plain sockets on 127.0.0.1, nothing of sockscope.

Usage: python3 peer.py SCENARIO...   (exchange, reset, many N, bulk BYTES, refused; refused last)

Binds and listens on a free port, prints it, waits for a line on standard input (the capture is
running by then), runs the scenarios in order, prints "done" and exits.
"""
import socket
import struct
import sys
import threading

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
port = server.getsockname()[1]
print(port, flush=True)
sys.stdin.readline()


def connect():
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    return client, accepted


def exchange():
    """Handshake, data both ways, the client closes first, the server closes after b''."""
    client, accepted = connect()
    client.sendall(b"hello\n")
    assert accepted.recv(100) == b"hello\n"
    accepted.sendall(b"world!\n")
    assert client.recv(100) == b"world!\n"
    client.close()
    assert accepted.recv(100) == b""
    accepted.close()


def reset():
    """The server reads the request, then closes with SO_LINGER (on, 0): RST instead of FIN."""
    client, accepted = connect()
    client.sendall(b"ping\n")
    assert accepted.recv(100) == b"ping\n"
    accepted.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    accepted.close()
    try:
        client.recv(100)
    except ConnectionResetError:
        pass
    client.close()


def bulk(size):
    """One connection carrying size bytes to the server, read to the end on another thread."""
    client, accepted = connect()
    received = []

    def drain():
        total = 0
        while True:
            chunk = accepted.recv(1 << 16)
            if not chunk:
                break
            total += len(chunk)
        received.append(total)

    reader = threading.Thread(target=drain)
    reader.start()
    client.sendall(b"x" * size)
    client.shutdown(socket.SHUT_WR)
    reader.join()
    assert received == [size]
    accepted.close()
    client.close()


def refused():
    """Nothing listens any more: the kernel answers the SYN with RST."""
    server.close()
    client = socket.socket()
    try:
        client.connect(("127.0.0.1", port))
        raise AssertionError("connect to a closed port succeeded")
    except ConnectionRefusedError:
        pass
    client.close()


args = sys.argv[1:]
while args:
    name = args.pop(0)
    if name == "exchange":
        exchange()
    elif name == "reset":
        reset()
    elif name == "many":
        for _ in range(int(args.pop(0))):
            exchange()
    elif name == "bulk":
        bulk(int(args.pop(0)))
    elif name == "refused":
        refused()
    else:
        raise SystemExit("unknown scenario " + name)
print("done", flush=True)
