#!/usr/bin/env python3
"""Runs every case of python-cases.txt in CPython 3.11 and writes back what it printed and the
last line of the traceback it raised, so that PythonSemanticsTest holds the interpreter to
CPython's own results. Run it from this directory after adding or changing a case."""
import contextlib
import io
import sys
import traceback

PATH = "python-cases.txt"

def cases(text):
    name, code = None, []
    section = None
    for line in text.split("\n"):
        if line.startswith("=== "):
            if name is not None:
                yield name, "\n".join(code).rstrip("\n") + "\n"
            name, code, section = line[4:], [], "code"
        elif line.startswith("--- "):
            section = line[4:]
        elif section == "code":
            code.append(line)
    if name is not None:
        yield name, "\n".join(code).rstrip("\n") + "\n"

def run(code):
    out = io.StringIO()
    raised = ""
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(code, "case.py", "exec"), namespace)
        except BaseException as e:
            raised = traceback.format_exception_only(type(e), e)[-1].rstrip("\n")
    return out.getvalue(), raised

def main():
    assert sys.version_info[:2] == (3, 11), "the cases record CPython 3.11's behaviour"
    with open(PATH) as f:
        text = f.read()
    parts = []
    for name, code in cases(text):
        stdout, raised = run(code)
        parts.append("=== " + name + "\n" + code + "--- stdout\n" + stdout + "--- raises\n"
                     + (raised + "\n" if raised else ""))
    with open(PATH, "w") as f:
        f.write("".join(parts))

main()
