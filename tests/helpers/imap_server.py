"""A small real IMAP4rev1 server on 127.0.0.1 for tests: LOGIN, CAPABILITY, STARTTLS or
implicit TLS (certificates from the test CA in smtp_server), EXAMINE/SELECT, UID SEARCH
(ALL, UID ranges), UID FETCH with BODY.PEEK[] and HEADER.FIELDS, NOOP, LOGOUT. It records
every command, so tests can show nothing was stored, copied, moved or expunged, and it can
drop the connection part-way through sending messages."""

from __future__ import annotations

import re
import socket
import socketserver
import ssl
import threading
from pathlib import Path

USER = "xiomara.pruebas@example.net"
PASSWORD = "Imap-unique-secret-5521"


class Mailbox:
    def __init__(self, uidvalidity: int = 7001) -> None:
        self.uidvalidity = uidvalidity
        self.messages: list[tuple[int, bytes]] = []
        self.commands: list[str] = []  # every command verb received, in order
        self.drop_after: int | None = None  # close after sending this many full messages
        self.sent_full = 0
        self.lock = threading.Lock()

    def add(self, data: bytes) -> int:
        uid = (self.messages[-1][0] if self.messages else 0) + 1
        self.messages.append((uid, data))
        return uid


def _uids(spec: str, highest: int) -> set[int]:
    found: set[int] = set()
    for piece in spec.split(","):
        if ":" in piece:
            a, b = piece.split(":")
            lo = int(a)
            hi = highest if b == "*" else int(b)
            lo, hi = min(lo, hi), max(lo, hi)
            found.update(range(lo, hi + 1))
        else:
            found.add(highest if piece == "*" else int(piece))
    return found


def _header_fields(data: bytes, names: list[str]) -> bytes:
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    wanted = {n.lower().encode() for n in names}
    out, keep = [], False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if keep:
                out.append(line)
            continue
        keep = line.split(b":", 1)[0].strip().lower() in wanted
        if keep:
            out.append(line)
    return b"".join(out) + b"\r\n"


class Handler(socketserver.StreamRequestHandler):
    server: Server

    def setup(self) -> None:
        if self.server.implicit_tls:
            self.request = self.server.context.wrap_socket(self.request, server_side=True)
        super().setup()
        self.tls = self.server.implicit_tls

    def send(self, line: bytes | str) -> None:
        self.wfile.write(line.encode() if isinstance(line, str) else line)
        self.wfile.flush()

    def caps(self) -> str:
        extra = "" if self.tls or self.server.implicit_tls else " STARTTLS"
        return f"IMAP4rev1 LITERAL+ AUTH=PLAIN{extra}"

    def handle(self) -> None:
        box = self.server.mailbox
        try:
            self.send(f"* OK [CAPABILITY {self.caps()}] test server ready\r\n")
            authed = False
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                tag, _, rest = text.partition(" ")
                verb, _, args = rest.partition(" ")
                verb = verb.upper()
                if verb == "UID":
                    sub, _, args = args.partition(" ")
                    verb = f"UID {sub.upper()}"
                with box.lock:
                    box.commands.append(verb)
                if verb == "CAPABILITY":
                    self.send(f"* CAPABILITY {self.caps()}\r\n{tag} OK done\r\n")
                elif verb == "STARTTLS" and not self.tls:
                    self.send(f"{tag} OK begin TLS\r\n")
                    self.request = self.server.context.wrap_socket(self.request, server_side=True)
                    self.rfile = self.request.makefile("rb")
                    self.wfile = self.request.makefile("wb")
                    self.tls = True
                elif verb == "LOGIN":
                    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', args)
                    user, password = (a or b for a, b in parts[:2])
                    authed = user == USER and password.replace('\\"', '"') == PASSWORD
                    self.send(
                        f"{tag} OK logged in\r\n"
                        if authed
                        else f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials\r\n"
                    )
                elif verb in ("EXAMINE", "SELECT") and authed:
                    mode = "READ-ONLY" if verb == "EXAMINE" else "READ-WRITE"
                    nxt = (box.messages[-1][0] if box.messages else 0) + 1
                    self.send(
                        f"* {len(box.messages)} EXISTS\r\n* 0 RECENT\r\n"
                        f"* OK [UIDVALIDITY {box.uidvalidity}] ok\r\n"
                        f"* OK [UIDNEXT {nxt}] ok\r\n* FLAGS (\\Seen)\r\n"
                        f"{tag} OK [{mode}] done\r\n"
                    )
                elif verb == "UID SEARCH" and authed:
                    highest = box.messages[-1][0] if box.messages else 0
                    crit = args.split()
                    uids = [u for u, _ in box.messages]
                    if crit and crit[0].upper() == "UID" and highest:
                        chosen = _uids(crit[1], highest)
                        uids = [u for u in uids if u in chosen]
                    self.send(f"* SEARCH {' '.join(map(str, uids))}\r\n{tag} OK done\r\n")
                elif verb == "UID FETCH" and authed:
                    self.fetch(tag, args)
                elif verb == "NOOP":
                    self.send(f"{tag} OK done\r\n")
                elif verb == "LOGOUT":
                    self.send(f"* BYE bye\r\n{tag} OK done\r\n")
                    return
                else:
                    self.send(f"{tag} BAD not supported here\r\n")
        except (ConnectionError, ssl.SSLError, OSError):
            return

    def fetch(self, tag: str, args: str) -> None:
        box = self.server.mailbox
        spec, _, items = args.partition(" ")
        highest = box.messages[-1][0] if box.messages else 0
        chosen = _uids(spec, highest) if highest else set()
        fields = re.search(r"HEADER\.FIELDS \(([^)]*)\)", items)
        for seq, (uid, data) in enumerate(box.messages, 1):
            if uid not in chosen:
                continue
            if fields:
                body = _header_fields(data, fields.group(1).split())
                key = f"BODY[HEADER.FIELDS ({fields.group(1)})]"
            else:
                if box.drop_after is not None and box.sent_full >= box.drop_after:
                    box.drop_after = None  # once: the next session gets everything
                    self.request.shutdown(socket.SHUT_RDWR)
                    self.request.close()
                    raise ConnectionResetError("dropped by the test")
                box.sent_full += 1
                body, key = data, "BODY[]"
            self.send(
                f"* {seq} FETCH (UID {uid} {key} {{{len(body)}}}\r\n".encode() + body + b")\r\n"
            )
        self.send(f"{tag} OK done\r\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mailbox: Mailbox, cert: Path, key: Path, *, implicit_tls: bool) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.mailbox = mailbox
        self.implicit_tls = implicit_tls
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert, key)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (a refused certificate) is expected here; stay quiet."""

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
