"""Write the crafted bad inputs in this folder: `python tests/data/bad/make_bad_files.py`.

Each file is small and made by hand (no PDF library can write an encrypted or truncated file on purpose), and
the output is byte-for-byte reproducible, so tests/test_robustness.py checks that the committed files match.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

__all__ = ["BAD_FILES", "write_bad_files"]

HERE = Path(__file__).resolve().parent
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")  # PDF spec, Algorithm 2
_FILE_ID = hashlib.md5(b"ofsted-kg bad input").digest()


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file from object bodies (object n is objects[n-1]), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_page_objects(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def _text_content(lines: list[str]) -> bytes:
    body = b"".join(b"(%s) Tj T* " % line.encode("latin-1") for line in lines)
    return b"BT /F1 11 Tf 14 TL 56 780 Td " + body + b"ET"


SALES_LINES = [
    "Quarterly sales review: north-east region",
    "Revenue rose by 4% against the previous quarter.",
    "The board approved the new pricing for garden furniture.",
    "Stock levels of deckchairs remain higher than forecast.",
] * 6


def not_a_report_pdf() -> bytes:
    """A valid one-page PDF with a text layer, about garden furniture sales, not an inspection."""
    return _pdf(_text_page_objects(_text_content(SALES_LINES)))


def truncated_pdf() -> bytes:
    """The sales PDF cut off inside its content stream: no end of stream, no xref, no trailer."""
    whole = not_a_report_pdf()
    return whole[: whole.index(b"stream\n") + 200]


def scanned_pdf() -> bytes:
    """A page holding only an image (an 8x8 grey gradient), as a scan without OCR would: no text layer."""
    pixels = bytes(range(0, 256, 4))
    content = b"q 400 0 0 400 97 221 cm BI /W 8 /H 8 /CS /G /BPC 8 ID " + pixels + b" EI Q"
    objects = _text_page_objects(content)
    objects[2] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
    return _pdf(objects[:4])


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"s3cret", owner_password: bytes = b"owner") -> bytes:
    """The sales PDF encrypted with the standard security handler (RC4 40-bit, revision 2) and a user password.

    Made by the algorithms of PDF 1.7 section 7.6.3 (2, 3 and 4), so a reader that knows the password opens it
    and one that does not, cannot.
    """
    permissions = -44  # print and copy refused: the usual flags of a locked document
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]
    owner_entry = _rc4(owner_key, (user_password + _PAD)[:32])
    key = hashlib.md5((user_password + _PAD)[:32] + owner_entry + struct.pack("<i", permissions) + _FILE_ID)
    file_key = key.digest()[:5]
    user_entry = _rc4(file_key, _PAD)
    content = _text_content(SALES_LINES)
    object_key = hashlib.md5(file_key + struct.pack("<I", 4)[:3] + b"\x00\x00").digest()[:10]
    objects = _text_page_objects(b"")
    objects[3] = _stream(_rc4(object_key, content))
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (owner_entry.hex().encode(), user_entry.hex().encode(), permissions)
    )
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (_FILE_ID.hex().encode(), _FILE_ID.hex().encode())
    return _pdf(objects, trailer)


def junk(length: int, seed: bytes) -> bytes:
    """Reproducible bytes that look random: SHA-256 in counter mode, compressed-looking, no text."""
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1
    return bytes(out[:length])


BAD_FILES = {  # file name -> the bytes it holds
    "empty.pdf": lambda: b"",
    "not-a-report.pdf": not_a_report_pdf,
    "truncated.pdf": truncated_pdf,
    "encrypted.pdf": encrypted_pdf,
    "scanned.pdf": scanned_pdf,
    "junk.pdf": lambda: junk(4096, b"pdf"),
    "junk.txt": lambda: zlib.compress(junk(4096, b"txt")) + junk(2048, b"tail"),
}


def write_bad_files(folder: Path = HERE) -> list[Path]:
    """Write every file of BAD_FILES into folder; the paths written."""
    paths = []
    for name, make in BAD_FILES.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_bad_files():
        print(written)
