#!/usr/bin/env python3
"""End-to-end tests of `quorum pack` on tests/data/pack/meeting.json, checked with real
readers: pdftotext and pdfinfo (poppler), qpdf. Usage: pack_e2e.py PATH/TO/quorum

The fixture meeting has a minutes item, a report with a paper appendix and a PDF appendix
(rendered here by `quorum render` from appendix-source.xhtml), an exempt report whose
words must never reach the public files, a to-follow item and two standing items.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
from pathlib import Path

QUORUM = Path(sys.argv[1]).resolve()
FIXTURE = Path(__file__).resolve().parent.parent / "data" / "pack"
STEM = "test-scrutiny-committee-2018-03-07"
# Words that appear only in the exempt paper (item 4): none may reach a public file.
SECRETS = ["Zanzibar", "Quokkafield", "Xerxes", "1,234,567", "Secret negotiations"]
# 26 February 2018, the day before the statutory publication date (Tuesday 27 February).
ON_TIME = "1519603200"
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)
    return condition


def run(args, epoch=ON_TIME):
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([str(QUORUM)] + [str(a) for a in args], capture_output=True, text=True, env=env)


def page_text(pdf, first, last=None):
    last = first if last is None else last
    return subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def page_count(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def agenda_item_on(pdf, page):
    match = re.search(r"AGENDA ITEM (\w+)", page_text(pdf, page))
    return match.group(1) if match else None


def order_of_business(pdf):
    """Item number -> (first, last) as printed in the order of business (pages 2-3)."""
    ranges = {}
    for line in page_text(pdf, 2, 3).splitlines():
        # "5 - 10", or one number for an item of one page, in the right-hand column.
        match = re.match(r"\s*(\w+)\.\s.*?\s{2,}(\d+)(?: ?- ?(\d+))?\s*$", line)
        if match:
            first = int(match.group(2))
            ranges[match.group(1)] = (first, int(match.group(3) or first))
    return ranges


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tree_hashes(folder):
    return {str(p.relative_to(folder)): sha256(p) for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def prepare(work):
    fixture = work / "fixture"
    shutil.copytree(FIXTURE, fixture)
    made = run(["render", fixture / "appendix-source.xhtml", "-o", fixture / "appendix.pdf"])
    assert made.returncode == 0, made.stderr
    return fixture / "meeting.json"


def check_pack_layout(out, stem=STEM, items_with_pages=("1", "3", "4", "5")):
    """Ranges, right-hand starts, blank pages, AGENDA ITEM headers."""
    pack = out / f"{stem}-agenda-pack.pdf"
    manifest = json.loads((out / "manifest.json").read_text())
    printed = order_of_business(pack)
    pages = page_count(pack)
    manifest_ranges = {i["number"]: (i["first_page"], i["last_page"]) for i in manifest["items"]}
    check(printed == manifest_ranges, f"order of business {printed} == manifest {manifest_ranges}")
    check(set(printed) == set(items_with_pages), f"items with pages: {sorted(printed)}")
    oob = page_text(pack, 2)
    for number, (first, last) in printed.items():
        if first == last:
            check(f"{first} - {first}" not in oob.replace("-", " - ").replace("  ", " "),
                  f"item {number} of one page shows one page number")
    found, blanks = {}, []
    for page in range(1, pages + 1):
        number = agenda_item_on(pack, page)
        if number:
            found.setdefault(number, []).append(page)
        text = page_text(pack, page)
        body = re.sub(r"\s+", " ", text).strip()
        check(body != str(page) and body != "", f"page {page} is blank without saying so")
        if "This page is intentionally left blank" in text:
            blanks.append(page)
            check(body == f"This page is intentionally left blank {page}", f"blank page {page} holds only its notice")
            check(page % 2 == 0, f"blank page {page} is a left-hand page")
        check(re.search(rf"(^|\s){page}\s*$", text.rstrip()) is not None, f"page {page} shows its number")
    for number, (first, last) in printed.items():
        check(found.get(number) == list(range(first, last + 1)),
              f"AGENDA ITEM {number} appears on {found.get(number)}, order of business says {first} - {last}")
        check(first % 2 == 1, f"item {number} starts on odd page {first}")
    starts = {first for first, _ in printed.values()}
    check(blanks and all(page + 1 in starts for page in blanks), f"blank pages {blanks} each precede an item")
    return pack, manifest, printed


def check_fixture_pages(pack, printed):
    """The PDF appendix drawn into item 3, the to-follow placeholder of item 5."""
    first3, last3 = printed["3"]
    appendix = page_text(pack, first3, last3)
    check("Appendix page one" in appendix and "Appendix page two" in appendix, "PDF appendix drawn into item 3")
    check("To follow" in page_text(pack, *printed["5"]) or "TO FOLLOW" in page_text(pack, *printed["5"]),
          "to-follow placeholder on item 5's page")


def check_bookmarks(pack):
    outline = subprocess.run(["qpdf", "--json", "--json-key=outlines", str(pack)], capture_output=True, text=True,
                             check=True)
    titles = [o["title"] for o in json.loads(outline.stdout)["outlines"]]
    for title in ["1. Minutes of the last Meeting", "3. Library opening hours review",
                  "4. Disposal of a council property", "5. Late budget report"]:
        check(any(t.strip() == title for t in titles), f"bookmark '{title}' in {titles}")


def link_targets(pdf, page):
    """Pages that the link annotations of `page` go to (qpdf's JSON, objects resolved)."""
    data = json.loads(subprocess.run(["qpdf", "--json", str(pdf)], capture_output=True, text=True, check=True).stdout)
    objects = data["qpdf"][1]
    page_numbers = {p["object"]: i + 1 for i, p in enumerate(data["pages"])}

    def value(ref):
        return objects[f"obj:{ref}"]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref

    targets = set()
    for annot in value(value(data["pages"][page - 1]["object"]).get("/Annots", [])) or []:
        dest = value(value(annot).get("/Dest"))
        if isinstance(dest, list) and dest and dest[0] in page_numbers:
            targets.add(page_numbers[dest[0]])
    return targets


def check_order_links(pack, printed):
    targets = link_targets(pack, 2)
    for number, (first, _) in printed.items():
        check(first in targets, f"the order of business links item {number} to page {first} (links: {sorted(targets)})")


def check_item_pdfs(out, pack, manifest):
    for item in manifest["items"]:
        item_pdf = out / item["file"]
        check(item_pdf.is_file(), f"{item['file']} written")
        if not item_pdf.is_file():
            continue
        same = page_text(item_pdf, 1, page_count(item_pdf)) == page_text(pack, item["first_page"], item["last_page"])
        check(same, f"{item['file']} text equals pages {item['first_page']}-{item['last_page']} of the pack")


def check_manifest(out, manifest):
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {k for k in tree_hashes(out) if k != "manifest.json"}
    check(listed == on_disk, f"manifest lists every file: missing {on_disk - listed}, extra {listed - on_disk}")
    for f in manifest["files"]:
        path = out / f["path"]
        check(sha256(path) == f["sha256"], f"sha256 of {f['path']}")
        check(path.stat().st_size == f["bytes"], f"size of {f['path']}")
        if path.suffix == ".pdf":
            check(page_count(path) == f["pages"], f"page count of {f['path']}")
    check(manifest["statutory_publication_date"] == "2018-02-27", "statutory publication date in the manifest")
    check(re.match(r"^\d+\.\d+\.\d+", manifest["quorum_version"]) is not None, "version in the manifest")
    check(all(len(i["sha256"]) == 64 for i in manifest["inputs"]), "inputs hashed")


def check_html(out):
    pages = [out / f"{STEM}-agenda.html"] + sorted((out / "html").glob("*.html"))
    for page in pages:
        dom = xml.dom.minidom.parse(str(page))
        html = dom.documentElement
        check(html.getAttribute("lang") == "en-GB", f"{page.name} has lang")
        for link in dom.getElementsByTagName("link"):
            check((page.parent / link.getAttribute("href")).is_file(), f"{page.name} links {link.getAttribute('href')}")
    whole = (out / f"{STEM}-agenda.html").read_text()
    check("<th" in whole and "<h1" in whole, "the agenda HTML has headings and header cells")


def decompressed_bytes(pdf, work):
    qdf = work / (pdf.name + ".qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
    return qdf.read_bytes()


def check_no_secrets(out, work, label):
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pdf":
            data += decompressed_bytes(path, work)
            data += page_text(path, 1, page_count(path)).encode()
            data += subprocess.run(["qpdf", "--json", str(path)], capture_output=True, check=True).stdout
        for secret in SECRETS:
            check(secret.lower().encode() not in data.lower(), f"{label}: '{secret}' found in {path.relative_to(out)}")


def test_public_pack(work, meeting):
    out = work / "public"
    result = run(["pack", meeting, "-o", out])
    check(result.returncode == 0, f"public pack exit {result.returncode}: {result.stderr}")
    check(result.stderr == "", f"no output on stderr when on time and not a terminal: {result.stderr!r}")
    if result.returncode != 0:
        return None
    pack, manifest, printed = check_pack_layout(out)
    check_fixture_pages(pack, printed)
    check_order_links(pack, printed)
    check_bookmarks(pack)
    check_item_pdfs(out, pack, manifest)
    check_manifest(out, manifest)
    check_html(out)
    check_no_secrets(out, work, "public pack")
    exempt_page = page_text(pack, *[(i["first_page"], i["last_page"]) for i in manifest["items"] if i["number"] == "4"][0])
    check("paragraph 3 of Schedule 12A" in exempt_page, "public pack: exemption notice on item 4")
    check(not any(s.endswith("exempt.json") for s in [i["path"] for i in manifest["inputs"]]),
          "public manifest does not list the exempt paper")
    return out


def test_rerun_identical(work, meeting, first):
    again = work / "again"
    result = run(["pack", meeting, "-o", again])
    check(result.returncode == 0, f"rerun exit {result.returncode}")
    check(tree_hashes(first) == tree_hashes(again), "two runs give byte-identical outputs")


def test_members_pack(work, meeting):
    out = work / "members"
    result = run(["pack", meeting, "-o", out, "--audience", "members"])
    check(result.returncode == 0, f"members pack exit {result.returncode}: {result.stderr}")
    if result.returncode != 0:
        return
    pack = out / f"{STEM}-agenda-pack-members.pdf"
    manifest = json.loads((out / "manifest.json").read_text())
    first, last = [(i["first_page"], i["last_page"]) for i in manifest["items"] if i["number"] == "4"][0]
    for page in range(first, last + 1):
        check("NOT FOR PUBLICATION — Exempt information under paragraph 3 of Schedule 12A" in page_text(pack, page),
              f"members' pack page {page} marked not for publication")
    check("Zanzibar" in page_text(pack, first, last), "members' pack holds the exempt report")
    others = [i for i in manifest["items"] if i["number"] != "4"]
    for item in others:
        check("NOT FOR PUBLICATION" not in page_text(pack, item["first_page"], item["last_page"]),
              f"item {item['number']} not marked exempt")


def test_supplement(work, meeting):
    out = work / "supplement"
    result = run(["pack", meeting, "-o", out, "--supplement"])
    check(result.returncode == 0, f"supplement exit {result.returncode}: {result.stderr}")
    if result.returncode != 0:
        return
    pack = out / f"{STEM}-supplementary-agenda-pack.pdf"
    check("Supplementary agenda" in page_text(pack, 1), "supplement cover says Supplementary agenda")
    manifest = json.loads((out / "manifest.json").read_text())
    check([i["number"] for i in manifest["items"]] == ["5"], f"supplement items {manifest['items']}")
    first, last = manifest["items"][0]["first_page"], manifest["items"][0]["last_page"]
    check(first % 2 == 1 and first <= 5, f"supplement paginated on its own, item 5 from page {first}")
    text = page_text(pack, 1, page_count(pack))
    check("period 10" in text, "supplement holds the late report")
    check("AGENDA ITEM 3" not in text and "Library opening hours" not in text, "supplement holds only to-follow items")


def break_inputs(fixture_dir):
    """Four independent problems: a schema error in a paper, a duplicate item number, a
    missing PDF appendix, a missing paper."""
    report = fixture_dir / "papers" / "report.json"
    data = json.loads(report.read_text())
    data["cover"]["status"] = 42
    report.write_text(json.dumps(data))
    meeting = json.loads((fixture_dir / "meeting.json").read_text())
    meeting["items"][5]["number"] = "1"
    meeting["items"][2]["appendices"][1]["pdf"] = "missing.pdf"
    meeting["items"][0]["paper"] = "papers/no-such-minutes.json"
    (fixture_dir / "meeting.json").write_text(json.dumps(meeting))
    (fixture_dir / "corrupt.pdf").write_bytes(b"%PDF-1.4\nthis is not a PDF\n")


def test_failed_run_keeps_outputs(work, published):
    bad = work / "bad"
    shutil.copytree(work / "fixture", bad)
    break_inputs(bad)
    before = tree_hashes(published)
    result = run(["pack", bad / "meeting.json", "-o", published])
    check(result.returncode == 1, f"bad inputs exit {result.returncode}")
    err = result.stderr
    check("report.json: /cover/status" in err, f"schema error with file and path: {err}")
    check("/items/5/number" in err and "used twice" in err, f"duplicate item number reported: {err}")
    check("/items/2/appendices/1/pdf" in err, f"missing PDF reported: {err}")
    check("/items/0/paper" in err and "no-such-minutes.json" in err, f"missing paper reported: {err}")
    check(tree_hashes(published) == before, "a failed run leaves the published files untouched")
    check(not list(published.glob(".quorum-pack-*")), "no temporary folder left behind")


def test_corrupt_and_encrypted_pdf(work):
    bad = work / "badpdf"
    shutil.copytree(work / "fixture", bad)
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4\nthis is not a PDF\n")
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", str(bad / "appendix.pdf"),
                    str(bad / "encrypted.pdf")], check=True)
    meeting = json.loads((bad / "meeting.json").read_text())
    meeting["items"][2]["appendices"] = [{"title": "Corrupt", "pdf": "corrupt.pdf"},
                                         {"title": "Encrypted", "pdf": "encrypted.pdf"}]
    (bad / "meeting.json").write_text(json.dumps(meeting))
    out = work / "badpdf-out"
    result = run(["pack", bad / "meeting.json", "-o", out])
    check(result.returncode == 1, f"corrupt/encrypted PDFs exit {result.returncode}")
    check("/items/2/appendices/0/pdf" in result.stderr and "/items/2/appendices/1/pdf" in result.stderr,
          f"both bad PDFs reported: {result.stderr}")
    check(not out.exists() or not any(out.iterdir()), "nothing written for bad PDFs")


def edited_template(folder, name, old, new):
    """A template folder holding the built-in template `name` with `old` replaced by `new`
    (which must occur: an edit that misses would make the test prove nothing)."""
    text = (FIXTURE.parent.parent.parent / "templates" / name).read_text()
    if old not in text:
        sys.exit(f"pack_e2e: {name} no longer contains {old!r}; update the test")
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text.replace(old, new))
    return folder


def test_own_templates(work, meeting):
    """--templates DIR is searched before the built-in templates (a council's house style)."""
    own = edited_template(work / "own-templates", "pack/cover.xhtml.j2",
                          "</section>", "<p>Printed on recycled paper.</p></section>")
    out = work / "own"
    result = run(["pack", meeting, "-o", out, "--templates", own])
    check(result.returncode == 0, f"own templates exit {result.returncode}: {result.stderr}")
    if result.returncode == 0:
        check("Printed on recycled paper." in page_text(out / f"{STEM}-agenda-pack.pdf", 1), "own cover template used")


def test_template_without_anchor(work, meeting):
    """A pack template that drops an id the page ranges need is the user's error (exit 1), named."""
    own = edited_template(work / "anchorless-templates", "pack/item.xhtml.j2", 'id="{{ item.end_anchor }}"', "")
    out = work / "anchorless"
    result = run(["pack", meeting, "-o", out, "--templates", own])
    check(result.returncode == 1, f"template without an anchor: exit {result.returncode}, want 1: {result.stderr}")
    check("made no element with id=" in result.stderr and "pack/item.xhtml.j2" in result.stderr,
          f"the message names the missing id and the template: {result.stderr}")
    check(not out.exists() or not any(out.iterdir()), "nothing written when the templates lose an anchor")


def test_unwritable_output(work, meeting):
    blocker = work / "a-file"
    blocker.write_text("not a folder")
    result = run(["pack", meeting, "-o", blocker / "out"])
    check(result.returncode == 1 and "error" in result.stderr, f"unwritable OUTDIR: exit {result.returncode}")


def test_real_meeting(work):
    """The 7 March 2018 meeting of seed 002 (data/meetings/), when its data is complete."""
    meeting = FIXTURE.parent.parent.parent / "data" / "meetings" / "cels-2018-03-07.json"
    if not meeting.is_file():
        print("skipped: no data/meetings/cels-2018-03-07.json")
        return
    out = work / "cels"
    result = run(["pack", meeting, "-o", out])
    check(result.returncode == 0, f"CELS 7 March 2018 exit {result.returncode}: {result.stderr}")
    if result.returncode == 0:
        check_pack_layout(out, "children-education-libraries-safeguarding-committee-2018-03-07",
                          ("1", "6", "7", "8", "9", "10"))


def test_late_warning(work, meeting):
    out = work / "late"
    result = run(["pack", meeting, "-o", out, "--quiet"], epoch="1520208000")  # 5 March 2018
    check(result.returncode == 0, f"late run still succeeds: {result.returncode}")
    check("warning" in result.stderr and "Tuesday 27 February 2018" in result.stderr,
          f"late run warns with the statutory date: {result.stderr!r}")


def main():
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        meeting = prepare(work)
        published = test_public_pack(work, meeting)
        if published:
            test_rerun_identical(work, meeting, published)
            test_failed_run_keeps_outputs(work, published)
        test_members_pack(work, meeting)
        test_supplement(work, meeting)
        test_corrupt_and_encrypted_pdf(work)
        test_own_templates(work, meeting)
        test_template_without_anchor(work, meeting)
        test_unwritable_output(work, meeting)
        test_real_meeting(work)
        test_late_warning(work, meeting)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("pack end-to-end: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
