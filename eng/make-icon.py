#!/usr/bin/env python3
"""Draws the package icon (eng/icon.png, 128x128): a document with a folded corner and text lines on Ditio-ish blue.
Standard library only (zlib + struct), so anyone can regenerate it: python3 eng/make-icon.py"""
import struct, zlib, os

SIZE = 128
BLUE, WHITE, FOLD, LINE = (0x1F, 0x5F, 0xA8), (0xFF, 0xFF, 0xFF), (0xC9, 0xD8, 0xEE), (0x1F, 0x5F, 0xA8)

def pixel(x, y):
    # rounded blue square
    r = 20
    cx, cy = min(max(x, r), SIZE - 1 - r), min(max(y, r), SIZE - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    left, right, top, bottom, fold = 34, 94, 22, 106, 22
    if left <= x <= right and top <= y <= bottom:
        if x > right - fold and y < top + fold:          # the folded corner
            return (*BLUE, 255) if (x - (right - fold)) > (y - top) else (*FOLD, 255)
        for line_y, length in ((52, 44), (64, 44), (76, 44), (88, 28)):
            if line_y <= y < line_y + 5 and left + 8 <= x < left + 8 + length:
                return (*LINE, 255)
        return (*WHITE, 255)
    return (*BLUE, 255)

rows = b"".join(b"\x00" + bytes(c for x in range(SIZE) for c in pixel(x, y)) for y in range(SIZE))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
    f.write(png)
