"""The receive half of RFC 6455: server-to-client frames parsed straight from socket reads.

websocket-client keeps the handshake, TLS, proxies and every send; the reader feeds each
``sock.recv(65536)`` to :meth:`FrameParser.feed`, which returns the complete messages it
holds. A text message is returned as its payload ``bytes`` (what JSON decoders take), so the
common case costs one slice per message and no other object; anything else comes as an
``(opcode, payload)`` tuple: :data:`BINARY` (a whole binary message), :data:`PING`,
:data:`PONG` and :data:`CLOSE` (control frames, answered by the reader).

Handled here: 7-, 16- and 64-bit payload lengths, frames split anywhere across reads
(partial data waits, large frames are joined once when complete), fragmented messages
(continuation frames, with control frames interleaved). Protocol errors raise
:class:`FrameError` (the reader closes with status 1002): a masked frame (a server must not
mask, §5.1), reserved bits without a negotiated extension, an unknown opcode, a fragmented or
oversized control frame, a continuation without a message, or a new message inside a
fragmented one. UTF-8 is not checked here (as websocket-client with
``skip_utf8_validation=True``); the JSON decoder rejects invalid text.
"""

from __future__ import annotations

from typing import List, Optional, Tuple, Union

__all__ = ["FrameParser", "FrameError", "BINARY", "PING", "PONG", "CLOSE", "MAX_CONTROL"]

CONT, TEXT, BINARY, CLOSE, PING, PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
MAX_CONTROL = 125  # control frames carry at most 125 bytes and are never fragmented (§5.5)
_FIN_TEXT = 0x81  # FIN set, no reserved bits, opcode text: nearly every frame of a stream

Message = Union[bytes, Tuple[int, bytes]]


class FrameError(Exception):
    """The server broke the WebSocket framing rules (close status 1002).

    ``messages`` holds the messages completed before the bad frame in the same read: they
    were sent correctly and are delivered before the connection is closed.
    """

    messages: List[Message] = []


class FrameParser:
    """Incremental parser of the frames a server sends (one per socket).

    ``feed(data)`` returns the messages completed by ``data``, in order; bytes left over
    (a frame cut by the read) wait for the next call.
    """

    __slots__ = ("_chunks", "_have", "_need", "_frag_op", "_frag_parts")

    def __init__(self) -> None:
        self._chunks: List[bytes] = []  # the unparsed tail: an incomplete frame
        self._have = 0  # bytes in _chunks
        self._need = 0  # bytes _chunks must reach before parsing is worth trying again
        self._frag_op: Optional[int] = None  # opcode of the fragmented message in progress
        self._frag_parts: List[bytes] = []

    @property
    def buffered(self) -> int:
        """Bytes received but not yet part of a complete frame."""
        return self._have

    def feed(self, data: bytes) -> List[Message]:
        """Parse ``data`` (the next bytes from the socket); returns the completed messages."""
        if self._chunks:
            self._chunks.append(data)
            self._have += len(data)
            if self._have < self._need:
                return []  # a large frame still arriving: join it once, when complete
            data = b"".join(self._chunks)
            self._chunks = []
            self._have = 0
        out: List[Message] = []
        try:
            return self._parse(data, out)
        except FrameError as exc:
            exc.messages = out
            raise

    def _parse(self, data: bytes, out: List[Message]) -> List[Message]:
        append = out.append
        frag = self._frag_op
        pos = 0
        end = len(data)
        while True:
            left = end - pos
            if left < 2:
                need = 2
                break
            b1 = data[pos + 1]
            if b1 < 126:
                start = pos + 2
                stop = start + b1
            elif b1 == 126:
                if left < 4:
                    need = 4
                    break
                start = pos + 4
                stop = start + ((data[pos + 2] << 8) | data[pos + 3])
            elif b1 == 127:
                if left < 10:
                    need = 10
                    break
                length = int.from_bytes(data[pos + 2:pos + 10], "big")
                if length >> 63:
                    raise FrameError("invalid frame length (the most significant bit is set)")
                start = pos + 10
                stop = start + length
            else:
                raise FrameError("the server sent a masked frame (servers must not mask, RFC 6455 §5.1)")
            if stop > end:
                need = stop - pos
                break
            b0 = data[pos]
            if b0 == _FIN_TEXT and frag is None:
                append(data[start:stop])
            else:
                self._other(b0, data[start:stop], out)
                frag = self._frag_op
            pos = stop
        if pos < end:
            rest = data[pos:] if pos else data
            self._chunks.append(rest)
            self._have = len(rest)
            self._need = need
        return out

    def _other(self, b0: int, payload: bytes, out: List[Message]) -> None:
        """Every frame but a whole text frame outside a fragmented message."""
        if b0 & 0x70:
            raise FrameError("reserved bits set in a frame (no extension was negotiated)")
        opcode = b0 & 0x0F
        fin = b0 & 0x80
        if opcode >= 0x8:
            if opcode not in (CLOSE, PING, PONG):
                raise FrameError(f"unknown control opcode {opcode:#x}")
            if not fin:
                raise FrameError("a fragmented control frame")
            if len(payload) > MAX_CONTROL:
                raise FrameError(f"a control frame of {len(payload)} bytes (at most {MAX_CONTROL})")
            if opcode == CLOSE and len(payload) == 1:
                raise FrameError("a close frame with a one-byte payload")
            out.append((opcode, payload))
            return
        if opcode == CONT:
            if self._frag_op is None:
                raise FrameError("a continuation frame outside a fragmented message")
            self._frag_parts.append(payload)
            if fin:
                op, self._frag_op = self._frag_op, None
                message = b"".join(self._frag_parts)
                self._frag_parts = []
                out.append(message if op == TEXT else (op, message))
            return
        if opcode not in (TEXT, BINARY):
            raise FrameError(f"unknown data opcode {opcode:#x}")
        if self._frag_op is not None:
            raise FrameError("a new message started inside a fragmented one")
        if fin:
            out.append(payload if opcode == TEXT else (opcode, payload))
        else:
            self._frag_op = opcode
            self._frag_parts = [payload]
