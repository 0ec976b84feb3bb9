#!/usr/bin/python3
"""Renders a template with Jinja2 configured as Quorum is: the reference for the benchmark."""
import json, sys
import jinja2

def autoescape(name):
    n = name[:-3] if name.endswith(".j2") else name
    return n.endswith((".html", ".htm", ".xhtml", ".xml"))

def main():
    entry, folder, data_file = sys.argv[1:4]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), undefined=jinja2.StrictUndefined,
                             autoescape=autoescape)
    with open(data_file, encoding="utf-8") as f:
        data = json.load(f)
    sys.stdout.write(env.get_template(entry).render(data))

main()
