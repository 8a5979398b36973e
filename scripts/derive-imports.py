#!/usr/bin/env python3
"""The module import graph of customer-derive: which source file names which.

Every path a file names through `crate::...` (in a `use` tree or inline, as in
`crate::schema::expand(..)`), `super::...` or `self::...` is resolved to the file that defines
the named module (the longest module path that is a file), and so is a path that starts with a
child module the file declares (`email::Email` in `rules/mod.rs`); an edge goes from the naming
file to that file. Comments, string literals, the bodies of `quote!` / `parse_quote!` (paths of
the generated code) and `#[cfg(test)]` modules (unit tests drive the whole derive from wherever
they sit) are left out; a `super::` inside an inline `mod NAME { .. }` means the file itself.
Declaring a child module (`mod x;`) is not an edge. A re-export counts as the file that makes
it: name an item through the module that defines it.

Prints the edges (with --edges) and the strongly connected components of more than one file,
largest first. With --check, exits 1 when there is any: the derive's phases must import downward
only, so that no two files need each other. With --self-test, first checks the analysis on a
small tree whose edges are known. CI runs `python3 scripts/derive-imports.py --self-test --check`.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "customer-derive", "src")


def module_of(rel):
    """`expand/mod.rs` -> ('expand',), `rules/email.rs` -> ('rules', 'email'), lib.rs -> ()."""
    parts = rel[:-3].split("/")
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return tuple(parts)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    out = []
    for line in text.split("\n"):
        # A `//` outside a string literal starts a comment (good enough for this code base:
        # no string here holds `//` before code that names a module).
        cut = None
        in_str = False
        i = 0
        while i < len(line):
            c = line[i]
            if c == "\\" and in_str:
                i += 2
                continue
            if c == '"':
                in_str = not in_str
            elif not in_str and line.startswith("//", i):
                cut = i
                break
            i += 1
        out.append(line if cut is None else line[:cut])
    text = "\n".join(out)
    # string literals: their text is not code (`"crate::rules::my_rule"` in a message)
    text = re.sub(r"'\"'", "' '", text)
    return re.sub(r'"(?:\\.|[^"\\])*"', lambda m: '"' + re.sub(r"[^\n]", " ", m.group(0)[1:-1]) + '"', text)


def expand_tree(tree):
    """Expands a use tree (`a::{b, c::{d, e}}`) into its paths, as lists of segments."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)
    paths = []

    def walk(prefix, s):
        # s is one tree: `seg::seg::{...}` or `seg::seg` (possibly `as x`, already stripped)
        depth = 0
        for i, c in enumerate(s):
            if c == "{" and depth == 0:
                head = [p for p in s[:i].split("::") if p]
                inner = s[i + 1 : s.rindex("}")]
                for part in split_top(inner):
                    walk(prefix + head, part)
                return
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
        segs = [p for p in s.split("::") if p]
        if segs:
            paths.append(prefix + segs)

    walk([], tree)
    return paths


def split_top(s):
    parts, depth, start = [], 0, 0
    for i, c in enumerate(s):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(s[start:i])
            start = i + 1
    parts.append(s[start:])
    return [p for p in parts if p.strip()]


def blank_quotes(text):
    """Blanks the bodies of `quote!`, `quote_spanned!` and `parse_quote!`: their paths are
    the generated code's (the user's crate), not this crate's imports."""
    out = list(text)
    for m in re.finditer(r"\b(?:quote|quote_spanned|parse_quote)!\s*([({\[])", text):
        open_c = m.group(1)
        close_c = {"(": ")", "{": "}", "[": "]"}[open_c]
        depth = 0
        for j in range(m.end() - 1, len(text)):
            if text[j] == open_c:
                depth += 1
            elif text[j] == close_c:
                depth -= 1
                if depth == 0:
                    for k in range(m.end(), j):
                        if out[k] != "\n":
                            out[k] = " "
                    break
    return "".join(out)


def test_modules(text):
    """Blanks `#[cfg(test)] mod NAME { .. }`: unit tests drive the whole derive
    (`crate::expand::derive`) from wherever they sit, which is no import of the phase."""
    out = list(text)
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        depth = 0
        for j in range(m.end() - 1, len(text)):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    for k in range(m.start(), j + 1):
                        if out[k] != "\n":
                            out[k] = " "
                    break
    return "".join(out)


def inline_module_spans(text):
    """Character spans of inline `mod NAME { .. }` blocks."""
    spans = []
    for m in re.finditer(r"\bmod\s+\w+\s*\{", text):
        depth = 0
        for j in range(m.end() - 1, len(text)):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    spans.append((m.start(), j))
                    break
    return spans


def analyse(root):
    """The import edges between the `.rs` files under `root` and the cycles among them."""
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(".rs"):
                rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
                files[module_of(rel)] = rel

    def resolve(segs):
        for n in range(len(segs), -1, -1):
            if tuple(segs[:n]) in files:
                return files[tuple(segs[:n])]
        return None

    edges = set()
    for module, rel in files.items():
        source = open(os.path.join(root, rel), encoding="utf-8").read()
        text = test_modules(blank_quotes(strip_comments(source)))
        spans = inline_module_spans(text)
        # child modules declared by this file (`mod x;`): `x::Item` names the child's file
        children = set(re.findall(r"^\s*(?:pub(?:\([\w:]+\))?\s+)?mod\s+(\w+)\s*;", text, re.M))

        def absolute(segs, at):
            inside = any(a <= at <= b for a, b in spans)
            base = list(module)
            if segs[0] == "crate":
                return segs[1:]
            if segs[0] == "self":
                return base + segs[1:]
            if segs[0] in children and not inside:
                return base + segs
            if segs[0] == "super":
                if inside:  # `super` of an inline module is the file's own module
                    segs = segs[1:]
                while segs and segs[0] == "super":
                    base = base[:-1]
                    segs = segs[1:]
                return base + segs
            return None

        named = []
        for m in re.finditer(r"\buse\s+([^;]*);", text):
            tree = m.group(1).strip()
            # `use` inside `quote!` names the user's crate (`use #krate::..`): not an import here
            if not re.match(r"(crate|self|super)\b", tree) and tree.split("::")[0] not in children:
                continue
            if tree.count("{") != tree.count("}"):
                continue
            for segs in expand_tree(tree):
                named.append((segs, m.start()))
        without_uses = re.sub(r"\buse\s+[^;]*;", lambda m: " " * len(m.group(0)), text)
        firsts = "|".join(["crate", "super", "self"] + sorted(children))
        for m in re.finditer(r"(?<![\w:#$])((?:" + firsts + r")(?:::\w+)+)", without_uses):
            named.append((m.group(1).split("::"), m.start()))
        for segs, at in named:
            target_path = absolute(segs, at)
            if target_path is None:
                continue
            target = resolve(target_path)
            if target and target != rel:
                edges.add((rel, target))

    graph = {rel: [] for rel in files.values()}
    for a, b in sorted(edges):
        graph[a].append(b)

    # Tarjan's strongly connected components, iteratively.
    index, low, on_stack, stack, sccs = {}, {}, set(), [], []
    counter = [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter[0]
                counter[0] += 1
                stack.append(node)
                on_stack.add(node)
            recurse = False
            for j in range(i, len(graph[node])):
                nxt = graph[node][j]
                if nxt not in index:
                    work.append((node, j + 1))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                sccs.append(sorted(comp))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])

    cycles = sorted((c for c in sccs if len(c) > 1), key=len, reverse=True)
    return files, edges, cycles


SELF_TEST = {
    "lib.rs": "mod a;\nmod b;\nmod c;\nmod d;\n",
    # a and b need each other: a cycle, one edge through `use`, one inline
    "a.rs": "use crate::b::Thing;\npub(crate) fn f() {}\n",
    "b.rs": "pub(crate) struct Thing;\nfn g() { crate::a::f() }\n",
    # none of these is an edge: a comment, a string, generated code, a unit test
    "c.rs": (
        "// crate::d::h\n"
        "fn m() -> &'static str { \"crate::d::h\" }\n"
        "fn q() { quote!(use crate::d::h;); }\n"
        "#[cfg(test)]\nmod tests {\n    use crate::d::h;\n}\n"
        "mod child;\nfn r() { child::k() }\n"
    ),
    "c/child.rs": "pub(crate) fn k() {}\nfn s() { super::super::d::h() }\n",
    "d.rs": "pub(crate) fn h() {}\n",
}


def self_test():
    """The analysis on a small tree whose edges are known."""
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        for rel, text in SELF_TEST.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        _, edges, cycles = analyse(root)
    want = {("a.rs", "b.rs"), ("b.rs", "a.rs"), ("c.rs", "c/child.rs"), ("c/child.rs", "d.rs")}
    assert edges == want, f"edges {sorted(edges)}, expected {sorted(want)}"
    assert cycles == [["a.rs", "b.rs"]], f"cycles {cycles}"
    print("self-test: edges and the cycle found as expected")


def main():
    if "--self-test" in sys.argv:
        self_test()
    files, edges, cycles = analyse(ROOT)
    if "--edges" in sys.argv:
        for a, b in sorted(edges):
            print(f"{a} -> {b}")
    print(f"customer-derive: {len(files)} files, {len(edges)} import edges, "
          f"{len(cycles)} import cycle(s)")
    for comp in cycles:
        print(f"cycle of {len(comp)} files: {' '.join(comp)}")
        inner = set(comp)
        for a, b in sorted(edges):
            if a in inner and b in inner:
                print(f"    {a} -> {b}")
    if "--check" in sys.argv and cycles:
        print("the derive's modules must import downward only: break the cycle(s) above",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
