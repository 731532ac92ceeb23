# The client: connect to a server, send a request, read the reply, close.
#
# What it teaches: connect() is the three-way handshake (SYN, SYN+ACK, ACK) and returns once
# the kernel has completed it; sendall() hands the bytes to the kernel, which puts them on the
# wire and gets them acknowledged; close() sends FIN, and the side that closes first keeps the
# connection in TIME_WAIT for a minute.
#
# Run it:  ./sockscope run examples/01-client.py
# (as root, or with CAP_NET_RAW, every call shows the segments it put on the wire)
import socket

serve echo as echo          # a built-in echo server on a free port of 127.0.0.1

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(echo)
expect segment > S
expect segment < S.
expect explain handshake

s.sendall(b"Hello, world")
expect segment > P.
expect explain data

data = s.recv(1024)
expect recv b"Hello, world"
print(f"Received {data!r}")

s.close()
expect segment > F.
expect explain fin
expect state s TIME_WAIT
