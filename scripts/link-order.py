#!/usr/bin/python3
"""Writes src/cli/link_order.txt: the functions `quorum` runs for --version, a small
render-template and a 10-item `quorum render`, in the order they first run.

Why: lld places these functions together (--symbol-ordering-file, see src/CMakeLists.txt), so
a run maps a few hundred KiB of code instead of pages scattered over the whole executable (the
kernel maps 64 KiB around each page fault): render 81 pages -1.5 MB peak RSS, --version -1.2 MB.
A stale list only costs memory, never correctness; run this after large changes to the code.

Usage: scripts/link-order.py [BUILD/quorum]   (needs valgrind)
"""
import os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "cli", "link_order.txt")


def runs(quorum, work):
    doc = os.path.join(work, "agenda.xhtml")
    with open(doc, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_agenda_doc.py"), "10"], stdout=f, check=True)
    subprocess.run(["cp", os.path.join(ROOT, "bench", "agenda.css"), work], check=True)
    with open(os.path.join(work, "tiny.j2"), "w") as f:
        f.write("Hello {{ name }}! {% for r in rows %}{{ r | upper }} {% endfor %}\n")
    with open(os.path.join(work, "tiny.json"), "w") as f:
        f.write('{"name": "council", "rows": ["a", "b"]}\n')
    # Startup first, then each command's own functions after it: a run touches the startup
    # block and its own block, not the other command's functions between them.
    yield [quorum, "--version"]
    yield [quorum, "render", doc, "-o", os.path.join(work, "agenda.pdf")]
    yield [quorum, "render-template", "tiny.j2", "--templates", work, "--data", os.path.join(work, "tiny.json")]


def executed_functions(profile, binary):
    """Mangled names of the functions of `binary` in a callgrind profile, in file order."""
    objects, functions, current, names = {}, {}, None, []
    for line in open(profile, errors="replace"):
        m = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        kind, number, name = m.groups()
        table = objects if kind.endswith("ob") else functions  # callees name entries too
        if name:
            table[number] = name
        if kind == "ob":
            current = objects.get(number)
        elif kind == "fn" and current and os.path.realpath(current) == binary:
            names.append(functions[number].split("'")[0])  # callgrind marks recursion as NAME'2
    return names


def main():
    quorum = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "quorum"))
    order, seen = [], set()
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, "callgrind.out")
        for command in runs(quorum, work):
            subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", *command],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=work)
            for name in executed_functions(profile, quorum):
                if re.match(r"^[A-Za-z_][\w.$]*$", name) and name not in seen:
                    seen.add(name)
                    order.append(name)
    with open(OUT, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"{OUT}: {len(order)} functions")


if __name__ == "__main__":
    main()
