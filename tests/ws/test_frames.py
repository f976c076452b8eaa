"""The frame parser (bitsdk._ws.frames): every frame shape, split at every byte boundary."""

from __future__ import annotations

import socket
import struct
from typing import List

import pytest

from bitsdk._ws.frames import BINARY, CLOSE, PING, PONG, FrameError, FrameParser


def frame(payload: bytes, opcode: int = 0x1, fin: bool = True, rsv: int = 0, mask: bytes = b"",
          force_len: int = 0) -> bytes:
    """One frame as a server writes it (``mask`` only for the error cases)."""
    b0 = (0x80 if fin else 0) | rsv | opcode
    n = len(payload)
    bits = force_len or (7 if n < 126 else 16 if n < 65536 else 64)
    mbit = 0x80 if mask else 0
    if bits == 7:
        head = struct.pack("!BB", b0, mbit | n)
    elif bits == 16:
        head = struct.pack("!BBH", b0, mbit | 126, n)
    else:
        head = struct.pack("!BBQ", b0, mbit | 127, n)
    if mask:
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + mask + payload


def text(size: int, tag: str) -> bytes:
    body = ('{"tag":"%s","pad":"' % tag).encode()
    return body + b"x" * max(0, size - len(body) - 2) + b'"}'


def feed_in_pieces(data: bytes, cuts: List[int]) -> list:
    parser = FrameParser()
    out: list = []
    last = 0
    for cut in cuts + [len(data)]:
        out += parser.feed(data[last:cut])
        last = cut
    assert parser.buffered == 0
    return out


# Every shape: 7-bit, 16-bit (both edges), empty, binary, ping, pong, close (with and without
# a status), and a fragmented text message with a ping between its fragments.
SMALL = text(40, "small")
EDGE_125 = text(125, "e125")
EDGE_126 = text(126, "e126")
MID = text(1000, "mid")
EDGE_65535 = text(65535, "e65535")
PARTS = [b'{"tag":"frag",', b'"pad":"', b'yy"}']
SEQUENCE = [
    (frame(SMALL), SMALL),
    (frame(b"", opcode=PONG), (PONG, b"")),
    (frame(EDGE_125), EDGE_125),
    (frame(EDGE_126), EDGE_126),
    (frame(b"hb", opcode=PING), (PING, b"hb")),
    (frame(MID), MID),
    (frame(b""), b""),
    (frame(b"\x00\x01bin", opcode=BINARY), (BINARY, b"\x00\x01bin")),
    (frame(PARTS[0], fin=False) + frame(b"mid", opcode=PING) + frame(PARTS[1], opcode=0, fin=False)
     + frame(PARTS[2], opcode=0), None),  # expected below: the ping first, then the whole text
    (frame(b"\x03\xe8bye", opcode=CLOSE), (CLOSE, b"\x03\xe8bye")),
    (frame(b"", opcode=CLOSE), (CLOSE, b"")),
]
STREAM = b"".join(raw for raw, _ in SEQUENCE)
EXPECTED: list = []
for _raw, want in SEQUENCE:
    if want is None:
        EXPECTED += [(PING, b"mid"), b"".join(PARTS)]
    else:
        EXPECTED.append(want)


def test_whole_stream_in_one_read():
    assert feed_in_pieces(STREAM, []) == EXPECTED


def test_every_split_point_of_every_frame_shape():
    for cut in range(1, len(STREAM)):
        assert feed_in_pieces(STREAM, [cut]) == EXPECTED, cut


def test_every_pair_of_split_points_in_the_small_frames():
    head = b"".join(raw for raw, _ in SEQUENCE[:3])
    want = EXPECTED[:3]
    for a in range(1, len(head)):
        for b in range(a, len(head)):
            assert feed_in_pieces(head, [a, b]) == want, (a, b)


def test_one_byte_at_a_time():
    assert feed_in_pieces(STREAM, list(range(1, len(STREAM)))) == EXPECTED


def test_16_bit_length_edge_and_64_bit_lengths():
    big = text(70_000, "big")
    data = frame(EDGE_65535) + frame(big) + frame(SMALL)
    assert len(frame(big)) == 10 + 70_000 and frame(big)[1] == 127
    assert frame(EDGE_65535)[1] == 126
    want = [EDGE_65535, big, SMALL]
    assert feed_in_pieces(data, []) == want
    # Split inside the 16-bit header, the 64-bit header, the payloads, and at frame edges.
    first = len(frame(EDGE_65535))
    second = first + len(frame(big))
    for cut in list(range(1, 12)) + [first - 1, first, first + 1, first + 5, first + 9, first + 10,
                                     first + 11, first + 40_000, second - 1, second, second + 1]:
        assert feed_in_pieces(data, [cut]) == want, cut


def test_a_large_frame_in_read_sized_chunks_is_joined_once_complete():
    big = text(300_000, "huge")
    data = frame(big) + frame(SMALL)
    parser = FrameParser()
    out: list = []
    for start in range(0, len(data), 65536):
        got = parser.feed(data[start:start + 65536])
        if start + 65536 < len(frame(big)):
            assert got == [] and parser.buffered == start + 65536
        out += got
    assert out == [big, SMALL] and parser.buffered == 0


def test_a_64_bit_length_may_carry_a_small_payload():
    # Non-minimal lengths are legal on the wire; the parser takes the length as written.
    data = frame(SMALL, force_len=64) + frame(SMALL, force_len=16)
    for cut in range(len(data)):
        assert feed_in_pieces(data, [cut] if cut else []) == [SMALL, SMALL]


def test_fed_through_a_socketpair_at_every_split_point():
    a, b = socket.socketpair()
    try:
        b.settimeout(5)
        for cut in range(1, len(STREAM), 7):
            parser = FrameParser()
            out: list = []
            for piece in (STREAM[:cut], STREAM[cut:]):
                a.sendall(piece)
                got = 0
                while got < len(piece):
                    data = b.recv(65536)
                    got += len(data)
                    out += parser.feed(data)
            assert out == EXPECTED, cut
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("data, match", [
    (frame(SMALL, mask=b"\x01\x02\x03\x04"), "masked"),
    (frame(SMALL, rsv=0x40), "reserved bits"),
    (frame(SMALL, opcode=0x3), "unknown data opcode"),
    (frame(b"", opcode=0xB), "unknown control opcode"),
    (frame(b"x", opcode=PING, fin=False), "fragmented control"),
    (frame(b"x" * 126, opcode=PING), "126 bytes"),
    (frame(b"\x03", opcode=CLOSE), "one-byte"),
    (frame(b"tail", opcode=0), "continuation frame outside"),
    (frame(b"a", fin=False) + frame(b"b"), "new message started inside"),
    (frame(b"a", fin=False) + frame(b"b", opcode=BINARY), "new message started inside"),
    (struct.pack("!BBQ", 0x81, 127, 1 << 63), "most significant bit"),
])
def test_protocol_errors(data, match):
    with pytest.raises(FrameError, match=match):
        FrameParser().feed(data)
    # The same error when the bytes come one at a time.
    parser = FrameParser()
    with pytest.raises(FrameError, match=match):
        for i in range(len(data)):
            parser.feed(data[i:i + 1])


def test_messages_before_an_error_in_the_same_read_are_not_lost_on_the_next_read():
    parser = FrameParser()
    assert parser.feed(frame(SMALL) + frame(MID)[:3]) == [SMALL]
    assert parser.buffered == 3
    assert parser.feed(frame(MID)[3:]) == [MID]


def test_invalid_utf8_passes_the_parser_untouched():
    # As websocket-client with skip_utf8_validation=True: the JSON decoder rejects it later.
    bad = b'{"a":"\xff\xfe"}'
    assert FrameParser().feed(frame(bad)) == [bad]
