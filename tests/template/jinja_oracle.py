#!/usr/bin/python3
"""The Jinja2 oracle for the differential suite (issue 2, section 3).

Renders one case folder (tests/template/cases/NNN-name/) with Python's Jinja2
configured exactly as issue 2 specifies for Quorum's engine:

    Environment(loader=FileSystemLoader(case_dir), undefined=StrictUndefined,
                autoescape=<name ends in .html/.htm/.xhtml/.xml, optionally + .j2>,
                trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=False)

and the context is the case's data.json (a top-level JSON object, key order kept).

The entry template is the single file in the folder named main.* .

Result (a dict):
  {"ok": True,  "output": str}                      on success
  {"ok": False, "file": "main.txt.j2", "line": 3,   on error: the template Jinja2
   "type": "UndefinedError", "message": "..."}       blames and its line number

Run directly:  /usr/bin/python3 jinja_oracle.py CASE_DIR   (prints the output or the error)
"""
import json
import os
import re
import sys
import traceback

import jinja2
from jinja2 import Environment, FileSystemLoader, StrictUndefined

AUTOESCAPE_RE = re.compile(r"\.(html|htm|xhtml|xml)(\.j2)?$")


def autoescape_for(name):
    """True exactly when the template name ends in .html/.htm/.xhtml/.xml, optionally followed by .j2."""
    return bool(name) and AUTOESCAPE_RE.search(name) is not None


def entry_name(case_dir):
    mains = sorted(f for f in os.listdir(case_dir) if f.startswith("main."))
    if len(mains) != 1:
        raise RuntimeError(f"{case_dir}: expected exactly one main.* entry template, found {mains}")
    return mains[0]


def make_environment(case_dir):
    return Environment(
        loader=FileSystemLoader(case_dir),
        undefined=StrictUndefined,
        autoescape=autoescape_for,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
    )


def load_data(case_dir):
    with open(os.path.join(case_dir, "data.json"), encoding="utf-8") as f:
        data = json.load(f, object_pairs_hook=dict)
    if not isinstance(data, dict):
        raise RuntimeError(f"{case_dir}: data.json must hold a JSON object")
    return data


def _blamed_frame(exc, case_dir):
    """The innermost traceback frame that belongs to a template file of the case.

    Jinja2 rewrites tracebacks so that template code appears as frames whose
    filename is the template file and whose line is the template line."""
    root = os.path.realpath(case_dir)
    found = None
    tb = exc.__traceback__
    while tb is not None:
        fn = tb.tb_frame.f_code.co_filename
        if fn and os.path.isabs(fn):
            real = os.path.realpath(fn)
            if real.startswith(root + os.sep):
                found = (os.path.relpath(real, root).replace(os.sep, "/"), tb.tb_lineno)
        tb = tb.tb_next
    return found


def render_case(case_dir):
    case_dir = os.path.abspath(case_dir)
    name = entry_name(case_dir)
    data = load_data(case_dir)
    env = make_environment(case_dir)
    try:
        out = env.get_template(name).render(data)
        return {"ok": True, "output": out}
    except jinja2.TemplateSyntaxError as e:  # includes TemplateAssertionError
        file = e.name if e.name else name
        # The lexer reports some errors (unclosed raw/comment) with the file's path as name.
        path = e.filename or (e.name if e.name and os.path.isabs(e.name) else None)
        if path and os.path.isabs(path):
            file = os.path.relpath(os.path.realpath(path), os.path.realpath(case_dir)).replace(os.sep, "/")
        return {"ok": False, "file": file, "line": e.lineno, "type": type(e).__name__, "message": e.message or str(e)}
    except Exception as e:  # runtime errors: blame the innermost template frame
        frame = _blamed_frame(e, case_dir)
        if frame is None:
            # An error raised before any template code ran (e.g. the entry's TemplateNotFound).
            frame = (name, 0)
        msg = str(e)
        if isinstance(e, jinja2.TemplateNotFound) and not isinstance(e, jinja2.TemplatesNotFound):
            msg = f"template not found: {e.name}"
        return {"ok": False, "file": frame[0], "line": frame[1], "type": type(e).__name__, "message": msg}


def expectation_text(result):
    """The content of expected.txt / expected-error.txt for an oracle result."""
    if result["ok"]:
        return "expected.txt", result["output"]
    msg = " ".join(str(result["message"]).split("\n"))
    return "expected-error.txt", f'{result["file"]}:{result["line"]}: {result["type"]}: {msg}\n'


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: jinja_oracle.py CASE_DIR")
    r = render_case(sys.argv[1])
    if r["ok"]:
        sys.stdout.write(r["output"])
    else:
        sys.stdout.write(expectation_text(r)[1])
        sys.exit(1)
