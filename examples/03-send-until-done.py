# Sending until done: send() may take fewer bytes than it is given; sendall() is the loop.
#
# What it teaches: send() returns how many bytes the kernel took. With a small send buffer
# (SO_SNDBUF) and a receiver that does not read, a non-blocking send() of 1 MiB takes a few
# kilobytes (short_send). The program must send the rest itself: a loop around send() until
# everything is sent, or sendall(), which is that loop and waits while the buffer is full.
#
# Run it:  ./sockscope run examples/03-send-until-done.py
import socket

MESSAGE = b"x" * 1048576

serve sink as sink          # accepts and never reads
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1)
s.connect(sink)
s.setblocking(False)
sent = s.send(MESSAGE)
expect explain short_send
print("send() took", sent, "of", len(MESSAGE), "bytes")

# The fix, with a receiver that reads: a loop around send(), then sendall().
serve discard as discard
d = socket.socket()
d.connect(discard)
total = 0
while total < 20000:
    total += d.send(MESSAGE[total:20000])
print("the loop sent", total, "bytes")
d.sendall(b"the same, in one call\n")
expect explain data
d.close()
s.close()
