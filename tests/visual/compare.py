#!/usr/bin/python3
"""Visual regression: render fixture documents with `quorum render`, rasterise with pdftoppm
(50 dpi, gray) and compare each page with its reviewed golden PNG.

Usage: compare.py QUORUM [--data DIR] [--out DIR] [--only NAME[,NAME]] [--update]
                  [--threshold 64] [--tolerance 0.001]

For every DIR/NAME.xhtml there are golden pages DIR/golden/NAME-pN.png. A pixel "differs" when its
gray level is more than --threshold (0-255) away from the golden one; a page fails when more than
--tolerance of its pixels differ, or when its size or the page count changed. On failure the actual
page (PNG) and a difference map (PGM, differing pixels black) are left in --out. The default 0.1%
(about 120 pixels of an A5 page at 50 dpi) catches a changed word in a heading (0.2%) while the
rasteriser's own output is byte-stable on the same Debian packages. --update rewrites
the golden PNGs instead (update_golden.sh): look at every one before committing it.
Standard library only: pdftoppm writes PGM, and the PNG reader/writer below handles the 8-bit gray
non-interlaced PNGs this script itself writes.
"""
import argparse, glob, os, struct, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DPI = 50


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # P5 width height maxval, whitespace and comments between
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or int(fields[3]) != 255:
        raise ValueError(f"{path}: not an 8-bit binary PGM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def write_png(path, w, h, pixels):
    raw = b"".join(b"\0" + pixels[y * w:(y + 1) * w] for y in range(h))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, w = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype != 0 or interlace:
                raise ValueError(f"{path}: only 8-bit gray non-interlaced PNG is supported")
        elif kind == b"IDAT":
            idat += body
    raw, out, prev = zlib.decompress(idat), bytearray(), bytearray(w)
    for y in range(h):
        ftype, line = raw[y * (w + 1)], bytearray(raw[y * (w + 1) + 1:(y + 1) * (w + 1)])
        for x in range(w if ftype else 0):
            a = line[x - 1] if x else 0
            b, c = prev[x], (prev[x - 1] if x else 0)
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return w, h, bytes(out)


def render(quorum, doc, work):
    """The document's pages as (w, h, pixels), rendered and rasterised afresh."""
    name = os.path.splitext(os.path.basename(doc))[0]
    pdf = os.path.join(work, name + ".pdf")
    r = subprocess.run([quorum, "render", doc, "-o", pdf], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{name}: quorum render failed ({r.returncode}): {r.stderr.strip()}")
    prefix = os.path.join(work, name)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", pdf, prefix], check=True)
    pages = sorted(glob.glob(prefix + "-*.pgm"), key=lambda p: int(p.rsplit("-", 1)[1][:-4]))
    return [read_pgm(p) for p in pages]


def compare_page(actual, golden, threshold):
    (aw, ah, a), (gw, gh, g) = actual, golden
    if (aw, ah) != (gw, gh):
        return 1.0, None
    diff = bytes(0 if abs(x - y) > threshold else 255 for x, y in zip(a, g))
    return diff.count(0) / len(diff), diff


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("quorum")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "data", "visual"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--only", default=None)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--threshold", type=int, default=64)
    ap.add_argument("--tolerance", type=float, default=0.001)
    args = ap.parse_args()
    golden_dir = os.path.join(args.data, "golden")
    docs = sorted(glob.glob(os.path.join(args.data, "*.xhtml")))
    if args.only:
        wanted = set(args.only.split(","))
        docs = [d for d in docs if os.path.splitext(os.path.basename(d))[0] in wanted]
    if not docs:
        sys.exit("no fixture documents found")
    out = args.out or tempfile.mkdtemp(prefix="quorum-visual-")
    os.makedirs(out, exist_ok=True)
    passed = failed = 0
    for doc in docs:
        name = os.path.splitext(os.path.basename(doc))[0]
        with tempfile.TemporaryDirectory() as work:
            try:
                pages = render(args.quorum, doc, work)
            except (RuntimeError, subprocess.CalledProcessError) as e:
                print(f"FAIL {name}: {e}")
                failed += 1
                continue
        if args.update:
            os.makedirs(golden_dir, exist_ok=True)
            for old in glob.glob(os.path.join(golden_dir, f"{name}-p*.png")):
                os.remove(old)
            for n, (w, h, px) in enumerate(pages, 1):
                write_png(os.path.join(golden_dir, f"{name}-p{n}.png"), w, h, px)
            print(f"updated {name}: {len(pages)} page(s)")
            continue
        golden = sorted(glob.glob(os.path.join(golden_dir, f"{name}-p*.png")),
                        key=lambda p: int(p.rsplit("-p", 1)[1][:-4]))
        problems, worst = [], 0.0
        if len(golden) != len(pages):
            problems.append(f"{len(pages)} page(s), golden has {len(golden)}")
        for n, (page, gpath) in enumerate(zip(pages, golden), 1):
            frac, diff = compare_page(page, read_png(gpath), args.threshold)
            worst = max(worst, frac)
            if frac > args.tolerance:
                w, h, px = page
                write_png(os.path.join(out, f"{name}-p{n}-actual.png"), w, h, px)
                if diff is None:
                    problems.append(f"page {n}: size {w}x{h}, golden differs")
                else:
                    with open(os.path.join(out, f"{name}-p{n}-diff.pgm"), "wb") as f:
                        f.write(b"P5\n%d %d\n255\n" % (w, h) + diff)
                    problems.append(f"page {n}: {100 * frac:.2f}% of pixels differ (tolerance {100 * args.tolerance:.2f}%)")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems) + f" (actual pages and diff maps in {out})")
        else:
            passed += 1
            print(f"ok   {name}: {len(pages)} page(s), worst page {100 * worst:.3f}% of pixels differ")
    if not args.update:
        print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
