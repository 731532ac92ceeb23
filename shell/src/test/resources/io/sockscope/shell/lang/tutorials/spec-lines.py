import socket
import time
import struct
import sys
from socket import *
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
c = socket.socket()
s.connect(("127.0.0.1", 9000))
err = c.connect_ex(("127.0.0.1", 9001))
s.send(b"hello\n")
payload = b"ping"
n = s.send(payload)
data = b"more"
s.sendall(data)
reply = s.recv(1024)
print("reply:", reply)
print(s.recv(1024))
s.settimeout(2.0)
s.setblocking(False)
s.getsockname()
s.getpeername()
s.fileno()
s.send(b"x" * 65536)
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
s.shutdown(socket.SHUT_WR)
s.close()
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", 9000))
server.listen(1)
conn, addr = server.accept()
time.sleep(0.5)
t = socket.create_connection(("127.0.0.1", 9000))
with socket.socket() as w:
    w.connect(("127.0.0.1", 9000))
