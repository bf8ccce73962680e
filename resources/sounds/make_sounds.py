"""Generate the scan feedback sounds ok.wav and error.wav (standard library only).

Run from anywhere:  python resources/sounds/make_sounds.py
Output: 16-bit mono 44.1 kHz PCM next to this script. The output is
deterministic, so re-running it leaves the committed files unchanged.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
HERE = Path(__file__).resolve().parent


def tone(freq: float, ms: float, volume: float, fade_ms: float, harmonics=()) -> list[float]:
    """A sine tone with linear fade-in/out; harmonics are (multiple, relative amplitude)."""
    n = round(RATE * ms / 1000)
    fade = max(1, round(RATE * fade_ms / 1000))
    parts = [(1.0, 1.0), *harmonics]
    norm = sum(a for _, a in parts)
    out = []
    for i in range(n):
        t = i / RATE
        s = sum(a * math.sin(2 * math.pi * freq * m * t) for m, a in parts) / norm
        env = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(volume * env * s)
    return out


def silence(ms: float) -> list[float]:
    return [0.0] * round(RATE * ms / 1000)


def write(name: str, samples: list[float]) -> None:
    frames = b"".join(
        struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples
    )
    with wave.open(str(HERE / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main() -> None:
    # ok: a short, soft high beep (1320 Hz, E6) with a gentle fade in and out.
    write("ok.wav", tone(1320, 120, 0.5, fade_ms=15, harmonics=[(2, 0.15)]))
    # error: two low buzzes (330 Hz, E4); odd harmonics give a rasping timbre
    # that cannot be mistaken for the ok beep. 150 + 50 + 150 = 350 ms.
    buzz = tone(330, 150, 0.6, fade_ms=8, harmonics=[(3, 0.35), (5, 0.2)])
    write("error.wav", buzz + silence(50) + buzz)


if __name__ == "__main__":
    main()
