# Echo client: send one message and print what comes back.
import socket

HOST = "127.0.0.1"  # where the echo server listens
PORT = 65432  # the same port as the server

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(b"Hello, world")
    data = s.recv(1024)

print(f"Received {data!r}")
