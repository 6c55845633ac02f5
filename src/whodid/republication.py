"""Republication: the same article published again by another outlet, with small edits.

Copies must count as one source, so each article gets a MinHash signature of its word shingles, and
the signature is cut into bands whose hashed keys a store can index as (band, bucket) rows: two
articles that share any band key are candidates, and a candidate whose estimated Jaccard similarity
reaches COPY_THRESHOLD is a copy. `edits` then says what the copy changed, sentence by sentence.

Everything here is deterministic across processes and machines (stable hashes, a fixed seed,
explicit little-endian bytes), because signatures and band keys are stored and compared later.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

# LSH S-curve: with b bands of r rows, a pair with Jaccard s becomes a candidate with probability
# 1 - (1 - s**r)**b. For b=32, r=4 the curve climbs through (1/b)**(1/r) ≈ 0.42: s=0.2 -> 5%,
# s=0.3 -> 23%, s=0.4 -> 56%, s=0.5 -> 87%, s=0.6 -> 98.8%, s=0.7 -> 99.98%. The threshold region
# (roughly 0.3-0.5) sits below COPY_THRESHOLD, so real copies are almost never missed, and the looser
# candidates it lets through are cheap to reject by comparing their signatures. 128 permutations
# give the estimate a standard error of at most sqrt(0.25/128) ≈ 0.044.
# Five-word shingles: long enough that shared names and stock phrases of two different stories on the
# same event rarely coincide, short enough that a reworded sentence only costs the shingles it touches.
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
COPY_THRESHOLD = 0.6

Signature = npt.NDArray[np.uint64]  # NUM_PERM minimum hashes of a text

_MERSENNE = (1 << 61) - 1
_SEED = 20240611  # changing it changes every signature and band key: stored ones would stop matching
_EMPTY = np.iinfo(np.uint64).max  # every position of an empty text's signature
_LOW31 = (1 << 31) - 1
_LOW30 = (1 << 30) - 1
_BLAKE2B_8 = hashlib.blake2b(digest_size=8)  # never updated: only copied, one copy per shingle

_FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`", "'"),
        **dict.fromkeys("“”„‟«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    }
)
# Dashes and slashes separate words ("Kyiv–Odesa", "and/or"); any other punctuation is dropped in
# place, so "U.S." and "US", "1,000" and "1000", "don’t" and "dont" read the same.
_SEPARATORS = re.compile(r"[-/]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_OPENERS = "\"'“‘(["
# Titles that end in a full stop but not a sentence ("Gen. Aliyu said"), checked casefolded.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "gov", "sen"}
)


def normalise(text: str) -> str:
    """Text reduced to what survives an outlet's house style: case, quotes, dashes, punctuation, spacing."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    text = _PUNCTUATION.sub("", _SEPARATORS.sub(" ", text))
    return " ".join(text.split())


def shingles(text: str) -> set[int]:
    """64-bit hashes of the normalised text's word 5-grams (a shorter text is one shingle)."""
    return set(_shingle_hashes(text).tolist())


def _shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """The shingle hashes as an array (repeats included, harmless to a minimum): blake2b of each 5-gram's
    UTF-8 bytes, read little-endian."""
    data = normalise(text).encode()
    if not data:
        return np.empty(0, dtype=np.uint64)
    digests = []
    for start, end in zip(*_gram_bounds(data), strict=True):
        hasher = _BLAKE2B_8.copy()  # copying a fresh hasher is much cheaper than constructing one
        hasher.update(data[start:end])
        digests.append(hasher.digest())
    return np.frombuffer(b"".join(digests), dtype="<u8").astype(np.uint64)


def _gram_bounds(data: bytes) -> tuple[list[int], list[int]]:
    """Starts and ends of the word 5-grams (normalised text has one space between words: each is a slice)."""
    spaces = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord(" "))
    if len(spaces) < SHINGLE_WORDS - 1:
        return [0], [len(data)]
    starts = np.concatenate(([0], spaces[: len(spaces) - SHINGLE_WORDS + 1] + 1))
    ends = np.concatenate((spaces[SHINGLE_WORDS - 1 :], [len(data)]))
    return starts.tolist(), ends.tolist()


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """a1, a0 and b of h(x) = (a*x + b) mod p, with a = a1*2**31 + a0 split for overflow-free products.

    Drawn from the bit generator's raw 64-bit output, masked to 61 bits (uniform on 0..p) and with 0 and
    p rejected: numpy promises less about how Generator.integers turns bits into numbers across
    versions, and these values must never change (a test pins them through a known signature)."""
    raw = np.random.default_rng(_SEED).bit_generator.random_raw(4 * NUM_PERM)
    values = raw & np.uint64(_MERSENNE)
    values = values[(values != 0) & (values != _MERSENNE)]
    a, b = values[:NUM_PERM], values[NUM_PERM : 2 * NUM_PERM]
    return a >> np.uint64(31), a & np.uint64(_LOW31), b


_BLOCK = 256  # shingles per step of the min-hash: three (256 x 128) uint64 buffers stay within the L2 cache


def _reduce(y: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """y mod p for any uint64 y: 2**61 ≡ 1 (mod p) folds the top bits down, leaving at most p + 7; then
    y - p wraps around to a huge value unless y >= p, so the smaller of the two is the residue."""
    y = (y & np.uint64(_MERSENNE)) + (y >> np.uint64(61))
    return np.minimum(y, y - np.uint64(_MERSENNE), out=y)


def _min_hashes(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """For each permutation, the least (a*x + b) mod p over the shingles x (all < p), a block at a time.

    Small reused buffers instead of whole (shingles x NUM_PERM) temporaries: allocating those afresh for
    each operation cost more than the arithmetic itself."""
    size = min(_BLOCK, len(x))
    buffers = np.empty((3, size, NUM_PERM), dtype=np.uint64)
    best = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    for start in range(0, len(x), _BLOCK):
        block = x[start : start + _BLOCK]
        np.minimum(best, _block_min(block, *buffers[:, : len(block)]), out=best)
    return best


def _block_min(
    x: npt.NDArray[np.uint64],
    total: npt.NDArray[np.uint64],
    middle: npt.NDArray[np.uint64],
    scratch: npt.NDArray[np.uint64],
) -> npt.NDArray[np.uint64]:
    """min over x of (a*x + b) mod p, per permutation, computed in the three buffers given.

    a*x needs 122 bits, so with a = a1*2**31 + a0 and x = x1*2**31 + x0 the four partial products stay
    within 62 bits, and the powers of two fold back with 2**61 ≡ 1: 2**62 ≡ 2, and for the middle term
    m*2**31 = (m >> 30)*2**61 + (m & (2**30-1))*2**31 ≡ (m >> 30) + ((m & (2**30-1)) << 31). The sum of
    the parts and b stays below 5*2**61 + 2**32 < 2**64; then the same fold and wrap-around as `_reduce`."""
    a1, a0, b = _permutations()
    x1 = x >> np.uint64(31)
    x0 = (x & np.uint64(_LOW31))[:, None]
    np.multiply(a1, x0, out=middle)
    middle += np.multiply(a0, x1[:, None], out=scratch)  # < 2**62
    np.multiply(a1, (x1 << np.uint64(1))[:, None], out=total)  # 2*a1*x1 < 2**61, doubled on the short side
    total += b
    total += np.multiply(a0, x0, out=scratch)  # < 2**62
    total += np.right_shift(middle, np.uint64(30), out=scratch)
    middle &= np.uint64(_LOW30)
    middle <<= np.uint64(31)
    total += middle
    np.bitwise_and(total, np.uint64(_MERSENNE), out=scratch)
    total >>= np.uint64(61)
    total += scratch
    np.minimum(total, np.subtract(total, np.uint64(_MERSENNE), out=scratch), out=total)
    return total.min(axis=0)


def signature(text: str) -> Signature:
    """The text's MinHash signature: NUM_PERM uint64 values, all _EMPTY for a text without words."""
    x = _shingle_hashes(text)
    if not len(x):
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    return _min_hashes(_reduce(x))  # 64-bit shingle hashes into the field the permutations act on


def signature_bytes(sig: Signature) -> bytes:
    """The signature as stored: NUM_PERM little-endian uint64, whatever the machine's byte order."""
    return _checked(sig).astype("<u8", copy=False).tobytes()


def signature_from_bytes(data: bytes) -> Signature:
    if len(data) != NUM_PERM * 8:
        raise ValueError(f"a signature is {NUM_PERM * 8} bytes, not {len(data)}")
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def band_keys(sig: Signature) -> list[tuple[int, int]]:
    """(band index, bucket) for each band; bucket is a signed 64-bit hash of the band's rows (a SQL BIGINT).

    An empty text's signature has no keys, so empty articles never become anyone's candidate."""
    if _is_empty(_checked(sig)):
        return []
    rows = sig.astype("<u8", copy=False)
    return [(band, _bucket(rows[band * ROWS : (band + 1) * ROWS].tobytes())) for band in range(BANDS)]


def _bucket(band_rows: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(band_rows, digest_size=8).digest(), "little", signed=True)


def estimated_similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets: the share of equal signature positions.

    0.0 when either text is empty: two empty articles are not copies of each other."""
    if _is_empty(_checked(a)) or _is_empty(_checked(b)):
        return 0.0
    return float(np.count_nonzero(a == b)) / NUM_PERM


def _is_empty(sig: Signature) -> bool:
    return bool((sig == _EMPTY).all())


def _checked(sig: Signature) -> Signature:
    if sig.shape != (NUM_PERM,):
        raise ValueError(f"a signature has {NUM_PERM} values, not shape {sig.shape}")
    return sig


@dataclass(frozen=True, slots=True)
class Edit:
    kind: str  # 'replaced' | 'inserted' | 'deleted'
    original: str  # '' when inserted
    copy: str  # '' when deleted


def sentences(text: str) -> list[str]:
    """Lines, split further where . ! ? and whitespace come before a capital, a digit or an opening quote.

    A title ("Dr.") or an initial ("J.") before the full stop does not end a sentence."""
    found: list[str] = []
    for line in text.splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            if _ends_sentence(line, end):
                found.append(line[start : end.end()].strip())
                start = end.end()
        found.append(line[start:].strip())
    return [sentence for sentence in found if sentence]


def _ends_sentence(line: str, end: re.Match[str]) -> bool:
    following = line[end.end() : end.end() + 1]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    words = line[: end.start()].split()
    last = words[-1] if words else ""
    title_or_initial = len(last) == 1 or last.casefold() in _ABBREVIATIONS
    return not (end.group().startswith(".") and title_or_initial)


def edits(original_text: str, copy_text: str) -> list[Edit]:
    """What the copy changed, sentence by sentence, in order; unchanged sentences are left out.

    Sentences are compared normalised, so a copy that only restyles quotes or spacing has no edits. In a
    block of changed sentences, originals and copies pair up in order and the surplus is deleted or
    inserted."""
    old, new = sentences(original_text), sentences(copy_text)
    matcher = difflib.SequenceMatcher(
        None, [normalise(s) for s in old], [normalise(s) for s in new], autojunk=False
    )
    found: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            found.extend(_block_edits(old[i1:i2], new[j1:j2]))
    return found


def _block_edits(old: list[str], new: list[str]) -> list[Edit]:
    paired = min(len(old), len(new))
    return [
        *(Edit("replaced", o, c) for o, c in zip(old[:paired], new[:paired], strict=True)),
        *(Edit("deleted", o, "") for o in old[paired:]),
        *(Edit("inserted", "", c) for c in new[paired:]),
    ]
