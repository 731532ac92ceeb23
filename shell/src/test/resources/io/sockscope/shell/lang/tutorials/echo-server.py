# Echo server: accept one client and send back whatever it sends.
import socket

HOST = "127.0.0.1"  # loopback only: nothing outside this machine can connect
PORT = 65432  # any free port above 1023

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen()
    conn, addr = s.accept()
    with conn:
        print(f"Connected by {addr}")
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
