# The echo server: bind, listen, accept, then recv() and send back until the client closes.
#
# What it teaches: listen() lets the kernel complete handshakes on its own, so a client's
# connect() returns before accept() is called, and accept() takes the connection off the
# listen backlog (handshake_before_accept); accept() returns a new socket for the connection;
# recv() returning b'' means the client closed, and the server closes too.
#
# Run it:  ./sockscope run examples/04-echo-server.py
import socket

HOST = "127.0.0.1"

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
    srv.bind((HOST, 0))                 # port 0: the kernel picks a free port
    srv.listen()
    client = socket.create_connection(srv.getsockname())   # the client, in the same session
    conn, addr = srv.accept()
    expect explain handshake_before_accept
    print(f"Connected by {addr}")

    client.sendall(b"hello")
    data = conn.recv(1024)
    expect recv b"hello"
    conn.sendall(data)
    print("client got", client.recv(1024))

    client.close()
    data = conn.recv(1024)
    expect explain eof
    conn.close()
    expect segment > F.
