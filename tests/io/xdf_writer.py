"""A tiny XDF 1.0 writer for tests, from the published format specification.

File = b"XDF:" + chunks; chunk = NumLengthBytes (1, 4 or 8) + Length (of tag and
content) + Tag (uint16) + content. Tags: 1 FileHeader, 2 StreamHeader, 3 Samples,
4 ClockOffset, 6 StreamFooter. A sample is TimeStampBytes (0 or 8) [+ float64 stamp]
+ values (numeric little-endian, or per channel a length-prefixed UTF-8 string).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np

FORMATS = {"float32": "<f4", "double64": "<f8", "int32": "<i4", "int16": "<i2"}


def _varlen(n: int) -> bytes:
    if n < 256:
        return struct.pack("<BB", 1, n)
    if n < 2**32:
        return struct.pack("<BI", 4, n)
    return struct.pack("<BQ", 8, n)


def _chunk(tag: int, content: bytes) -> bytes:
    body = struct.pack("<H", tag) + content
    return _varlen(len(body)) + body


@dataclass
class XdfStream:
    name: str
    type: str
    channels: list[tuple[str, str]]  # (label, unit)
    srate: float
    fmt: str  # float32 | double64 | int32 | int16 | string
    source_id: str = ""
    manufacturer: str = ""
    stamps: np.ndarray = field(default_factory=lambda: np.empty(0))
    values: object = None  # (n, channels) array, or a list of string rows
    clock_offsets: list[tuple[float, float]] = field(default_factory=list)  # (collection time, offset)

    def header_xml(self) -> str:
        chans = "".join(f"<channel><label>{escape(lab)}</label><unit>{escape(u)}</unit></channel>"
                        for lab, u in self.channels)
        manu = f"<manufacturer>{escape(self.manufacturer)}</manufacturer>" if self.manufacturer else ""
        return ("<?xml version=\"1.0\"?><info>"
                f"<name>{escape(self.name)}</name><type>{escape(self.type)}</type>"
                f"<channel_count>{len(self.channels)}</channel_count><nominal_srate>{self.srate}</nominal_srate>"
                f"<channel_format>{self.fmt}</channel_format><source_id>{escape(self.source_id)}</source_id>"
                f"<created_at>0</created_at><desc>{manu}<channels>{chans}</channels></desc></info>")


def _samples(stream_id: int, s: XdfStream, lo: int, hi: int) -> bytes:
    out = [struct.pack("<I", stream_id), _varlen(hi - lo)]
    for i in range(lo, hi):
        out.append(b"\x08" + struct.pack("<d", float(s.stamps[i])))
        if s.fmt == "string":
            for text in s.values[i]:
                data = text.encode("utf-8")
                out.append(_varlen(len(data)) + data)
        else:
            out.append(np.asarray(s.values[i], dtype=FORMATS[s.fmt]).tobytes())
    return b"".join(out)


def write_xdf(path, streams: list[XdfStream], chunk_samples: int = 500) -> None:
    parts = [b"XDF:", _chunk(1, b"<?xml version=\"1.0\"?><info><version>1.0</version></info>")]
    for sid, s in enumerate(streams, start=1):
        parts.append(_chunk(2, struct.pack("<I", sid) + s.header_xml().encode("utf-8")))
    for sid, s in enumerate(streams, start=1):
        for lo in range(0, len(s.stamps), chunk_samples):
            parts.append(_chunk(3, _samples(sid, s, lo, min(lo + chunk_samples, len(s.stamps)))))
        for collected, offset in s.clock_offsets:
            parts.append(_chunk(4, struct.pack("<Idd", sid, collected, offset)))
    for sid, s in enumerate(streams, start=1):
        first, last = (float(s.stamps[0]), float(s.stamps[-1])) if len(s.stamps) else (0.0, 0.0)
        footer = (f"<?xml version=\"1.0\"?><info><first_timestamp>{first}</first_timestamp>"
                  f"<last_timestamp>{last}</last_timestamp><sample_count>{len(s.stamps)}</sample_count>"
                  "</info>")
        parts.append(_chunk(6, struct.pack("<I", sid) + footer.encode("utf-8")))
    with open(path, "wb") as f:
        f.write(b"".join(parts))
