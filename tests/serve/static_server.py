"""A folder over HTTP or HTTPS on 127.0.0.1, for the live-source tests (tests/serve/upstream*.rs).

python3 static_server.py DIR [--tls CERT.pem KEY.pem] [--slow SECONDS] [--redirect URL]
Prints the port it listens on, then serves DIR until killed. --slow waits before each answer;
--redirect answers every request with a 302 to URL.
"""
import functools
import http.server
import ssl
import sys
import time

args = sys.argv[1:]
folder = args.pop(0)
tls = slow = redirect = None
while args:
    flag = args.pop(0)
    if flag == "--tls":
        tls = (args.pop(0), args.pop(0))
    elif flag == "--slow":
        slow = float(args.pop(0))
    elif flag == "--redirect":
        redirect = args.pop(0)


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if slow:
            time.sleep(slow)
        if redirect:
            self.send_response(302)
            self.send_header("Location", redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *a):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
if tls:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls)
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
