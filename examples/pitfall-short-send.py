# Pitfall: assuming send() sent everything.
#
# What it teaches: send() returns how many bytes the kernel took, which can be fewer than
# given: here the socket is non-blocking, its send buffer is small (SO_SNDBUF) and the peer
# never reads, so send() of 1 MiB takes a few kilobytes (short_send). Code that ignores the
# return value silently drops the rest. Check it and loop, or use sendall().
#
# Run it:  ./sockscope run examples/pitfall-short-send.py
import socket

serve sink as sink
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1)
s.connect(sink)
s.setblocking(False)
n = s.send(b"x" * 1048576)
expect explain short_send
print("asked to send 1048576 bytes, send() took", n)
s.close()
