#!/usr/bin/env python3
"""The variants of scripts/bench-items.sh: the derive's output for the 51 structs of
scripts/bench-compile.sh, expanded once (`-Zunpretty=expanded`), with one kind of item removed or
merged by hand in each, so that the instructions of rustc's incremental rebuild of each say what
that kind costs.

    scripts/bench-items.py OURS_EXPANDED PLAIN_EXPANDED OUT_DIR

writes OUT_DIR/<variant>.rs for every variant of VARIANTS (name, what it changes), one per line
of the table the shell script prints. Some variants change behaviour (the crate still compiles):
they measure, they are not designs. The expanded text is rustc's pretty printer's, so the patterns
below follow its layout (`impl __p::Composite for S1 { }`, `clippy :: inline_always`, ...).
"""

import re
import sys


def match_brace(text, i):
    """The index of the `}` closing the `{` at `i` (string literals skipped)."""
    depth = 0
    j = i
    while True:
        c = text[j]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        elif c == '"':
            j += 1
            while text[j] != '"':
                if text[j] == "\\":
                    j += 1
                j += 1
        j += 1


def standalone(text):
    """The expansion as a crate of its own: no prelude import (unstable), no derived `Debug`
    (its expansion calls unstable helpers), no `#[customer]` attributes (inert only under the
    derive), and no lints (their output is not what is measured)."""
    text = text.replace(
        "#![feature(prelude_import)]\nextern crate std;\n#[prelude_import]\n"
        "use std::prelude::rust_2021::*;\n",
        "",
    )
    text = re.sub(r"\n\s*#\[customer\([^\n]*\)\]", "", text)
    text = re.sub(
        r"#\[automatically_derived\]\nimpl ::core::fmt::Debug for \w+ \{.*?\n\}\n",
        "",
        text,
        flags=re.S,
    )
    return "#![allow(warnings)]\n" + text


# The inherent impl of a model's rules functions (with its clippy allows, in the derive's output
# before they moved to the anonymous constant).
RULES_IMPL = re.compile(
    r"(?:#\[allow\(clippy :: inline_always[^\]]*\]\s*)?impl (\w+) \{(?=\s*#\[inline\(always\)\])"
)
RULES_FN = re.compile(
    r"#\[inline\(always\)\]\s*fn __customer_rules_(\d+)\(__customer_field: (.*?),"
    r"\s*mut __customer_at: __p::At<&str>\)\s*\{",
    re.S,
)
CALL = re.compile(
    r'Self::__customer_rules_(\d+)\(&self\.(\w+),\s*__customer_at\.key\("(\w+)"\)\);'
)
ENTRY = re.compile(
    r'\.field_rules\((&\["\w+"\]),\s*([^,]*),\s*&__s::Ruled\(Self::__customer_rules_(\d+)\)\)'
)
MODEL_BLOCK = re.compile(r"(?=#\[doc\(hidden\)\]\n#\[allow\(clippy :: elidable)")


def rules_impls(text):
    """Each model's inherent impl of rules functions: (start, end, model, {index: (type, body)})."""
    out = []
    pos = 0
    while True:
        m = RULES_IMPL.search(text, pos)
        if not m:
            return out
        end = match_brace(text, m.end() - 1)
        block = text[m.end() : end]
        fns = {}
        for f in RULES_FN.finditer(block):
            body_end = match_brace(block, f.end() - 1)
            fns[f.group(1)] = (f.group(2), block[f.end() : body_end])
        out.append((m.start(), end + 1, m.group(1), fns))
        pos = end + 1


def without_rules_impls(text):
    impls = rules_impls(text)
    out = ""
    pos = 0
    for start, end, _, _ in impls:
        out += text[pos:start]
        pos = end
    return out + text[pos:], {model: fns for _, _, model, fns in impls}


def bodies_in_validate_into(text, then=lambda part, fns: part):
    """The rules functions gone, each call in `validate_into` replaced by the function's body;
    `then` rewrites the rest of each model's block, given its functions."""
    text, by_model = without_rules_impls(text)
    out = ""
    for part in MODEL_BLOCK.split(text):
        m = re.search(r"impl __p::CustomerModel for (\w+)", part)
        if m and m.group(1) in by_model:
            fns = by_model[m.group(1)]
            part = CALL.sub(
                lambda c: "{ let __customer_field = &self.%s; let mut __customer_at = "
                '__customer_at.key("%s"); %s }' % (c.group(2), c.group(3), fns[c.group(1)][1]),
                part,
            )
            part = then(part, fns)
        out += part
    return out


def closures(text):
    """No rules functions: each body written in `validate_into` and again as a closure in the
    table (the two callers cannot share a closure: the table is built in `__shape_flat`)."""
    return bodies_in_validate_into(
        text,
        lambda part, fns: re.sub(
            r"&__s::Ruled\(Self::__customer_rules_(\d+)\)",
            lambda e: "&__s::Ruled(|__customer_field: %s, mut __customer_at: __p::At<&str>| "
            "{ %s })" % fns[e.group(1)],
            part,
        ),
    )


def rules_inlined(text):
    """The rules functions' bodies written in `validate_into`, entries without rules: against
    `entries_without_rules`, what the functions and their calls cost beyond their bodies."""
    return ENTRY.sub(r".field(\1, \2)", bodies_in_validate_into(text))


def no_rules(text):
    """No rules at all (an upper bound, not a design): no rules functions, no calls, entries
    without rules."""
    text, _ = without_rules_impls(text)
    return ENTRY.sub(r".field(\1, \2)", CALL.sub("", text))


def empty_bodies(text):
    out = ""
    pos = 0
    for m in RULES_FN.finditer(text):
        end = match_brace(text, m.end() - 1)
        out += text[pos : m.end()]
        pos = end
    return out + text[pos:]


def without_block(text, head, after=""):
    """`text` without each block that `head` (a pattern ending at its `{`) opens, and `after`
    right behind it (the `;` of a constant)."""
    out = ""
    pos = 0
    for m in re.finditer(head, text):
        if m.start() < pos:
            continue
        end = match_brace(text, m.end() - 1)
        out += text[pos : m.start()]
        pos = end + 1
        if text.startswith(after, pos):
            pos += len(after)
    return out + text[pos:]


def pattern_shared(text):
    """The pattern rule's `const { Simple::new(...) }` named once at the crate root (what a rule's
    arguments cost in a body)."""
    root = "customer_core::__private::rules"
    text = re.sub(
        r"&const \{\s*__p::rules::pattern::Simple::new\(.*?\)\s*\}",
        "&crate::SIMPLE",
        text,
        flags=re.S,
    )
    return (
        text
        + f"\nconst SIMPLE: {root}::pattern::Simple = {root}::pattern::Simple::new(\"c1_\", "
        + f"{root}::id::AsciiSet::from_ranges(&[(b'0', b'9'), (b'a', b'z')]), 26usize, "
        + '26usize, "", "^c1_[a-z\\\\d]{26}$");\n'
    )


def serde_read(text):
    """Each reading function of the bench reads its model as garde's bench does: serde's read,
    then `validate()` (the runtime's reader, `Valid::from_json`, not called)."""
    return re.sub(
        r"customer_core::Valid::<(\w+)>::from_json\(json\)\.is_ok\(\)",
        r"serde_json::from_str::<\1>(json).is_ok_and(|value| "
        r"customer_core::CustomerModel::validate(&value).is_ok())",
        text,
    )


def clippy_allows(text):
    """The clippy lints of each model allowed for rustc too (`#[allow(clippy::...)]`, as the
    derive wrote them before `#[cfg_attr(clippy, ...)]`, which rustc drops at expansion)."""
    lints = ", ".join(
        "clippy::" + lint
        for lint in [
            "elidable_lifetime_names",
            "too_many_lines",
            "needless_borrow",
            "inline_always",
            "ptr_arg",
            "ref_option",
            "trivially_copy_pass_by_ref",
        ]
    )
    return text.replace(
        "#[allow(unused_qualifications, unused_imports)]\nconst _: () =",
        f"#[allow(unused_qualifications, unused_imports)]\n#[allow({lints})]\nconst _: () =",
    )


def shape_defaults(text, items=""):
    """Each model's `Shape` impl reduced to the trait's defaults (`impl Shape for S1 { }`, as a
    hand-written type's), or to `items`: no `__KEYS`, no `__EXACT` with its static node, no
    `__shape_flat`; and the `use` of the shape module gone with the last path through it."""
    out = ""
    pos = 0
    for m in re.finditer(r"impl __s::Shape for (\w+) \{", text):
        end = match_brace(text, m.end() - 1)
        out += text[pos : m.start()] + "impl __p::shape::Shape for %s { %s }" % (m.group(1), items)
        pos = end + 1
    out += text[pos:]
    if "__s::" not in out.replace("use __p::shape as __s;", ""):
        out = out.replace("use __p::shape as __s;", "")
    return out


VARIANTS = [
    ("base", "the derive's output as it is", lambda t: t),
    (
        "no_composite",
        "no `impl Composite` (loses the refusal of a model field without `nested`)",
        lambda t: re.sub(
            r"#\[automatically_derived\]\s*impl __p::Composite for \w+ \{ \}\n", "", t
        ),
    ),
    (
        "rules_as_closures",
        "rules functions replaced by their bodies in validate_into and closures in the table",
        closures,
    ),
    (
        "rules_inlined",
        "the rules functions' bodies written in validate_into, table entries without rules",
        rules_inlined,
    ),
    ("no_rules", "no rules at all (upper bound: functions, calls, table holders)", no_rules),
    ("empty_rule_bodies", "rules functions kept, their bodies empty", empty_bodies),
    ("no_rules_calls", "validate_into calls no rules function", lambda t: CALL.sub("", t)),
    (
        "entries_without_rules",
        "table entries `field` instead of `field_rules(.., &Ruled(f))`",
        lambda t: ENTRY.sub(r".field(\1, \2)", t),
    ),
    (
        "no_inline_always",
        "rules functions without `#[inline(always)]`",
        lambda t: t.replace("#[inline(always)]\n", "\n"),
    ),
    ("pattern_shared", "the pattern's `const { Simple::new(..) }` one crate constant", pattern_shared),
    (
        "keys_to_named",
        "`__KEYS` replaced by `const __NAMED: bool = true` (loses the key list)",
        lambda t: re.sub(
            r"const __KEYS: __s::Keys =\s*__s::Keys::named\(&\[[^\]]*\]\);",
            "const __NAMED: bool = true;",
            t,
        ),
    ),
    (
        "no_exact",
        "no `__EXACT` (not a design: the walk is then not known exact, and more is compiled)",
        lambda t: without_block(t, r"const __EXACT: __s::Exact =\s*\{", ";"),
    ),
    (
        "clippy_allows_for_rustc",
        "clippy's allows as plain `#[allow]` (before: they are under `cfg_attr(clippy, ..)`)",
        clippy_allows,
    ),
    (
        "no_use_shape",
        "no `use __p::shape as __s` (paths written in full)",
        lambda t: t.replace("use __p::shape as __s;", "").replace("__s::", "__p::shape::"),
    ),
    (
        "no_uses",
        "neither `use` of the `const _` block (paths written in full)",
        lambda t: t.replace("use __p::shape as __s;", "")
        .replace("__s::", "__p::shape::")
        .replace("use ::customer_core::__private as __p;", "")
        .replace("__p::", "::customer_core::__private::"),
    ),
    (
        "via_read_at_root",
        "`use via_read::*` once at the crate root, not in each `__shape_flat`",
        lambda t: t.replace("use __s::via_read::*;", "").replace(
            "use customer_core::CustomerModel;",
            "use customer_core::CustomerModel;\nuse customer_core::__private::shape::via_read::*;",
            1,
        ),
    ),
    (
        "first_read_only",
        "first read only, rules bodies in validate_into: the `Shape` impl the trait's defaults (no "
        "second read at all: behaviour changed; a bound, not a design)",
        lambda t: shape_defaults(bodies_in_validate_into(t)),
    ),
    (
        "first_read_only_fns",
        "first read only, the rules functions kept: the `Shape` impl the trait's defaults (no "
        "second read at all: behaviour changed; a bound, not a design)",
        shape_defaults,
    ),
    (
        "first_read_only_exact",
        "first_read_only, the `Shape` impl also saying `__EXACT_HOLDS = true` (so that "
        "`Valid::from_json` compiles no tracked read, the model's `Deserialize` once more)",
        lambda t: shape_defaults(bodies_in_validate_into(t), "const __EXACT_HOLDS: bool = true;"),
    ),
    (
        "serde_read",
        "the output unchanged, each model read as garde's bench reads it (`serde_json::from_str`, "
        "then `validate()`): what `Valid::from_json` compiles per model",
        serde_read,
    ),
    (
        "first_read_only_serde_read",
        "first_read_only, each model read as garde's bench reads it (`serde_json::from_str`, "
        "then `validate()`), not by `Valid::from_json`",
        lambda t: serde_read(shape_defaults(bodies_in_validate_into(t))),
    ),
    (
        "no_shape_flat",
        "no `__shape_flat` (the default: the second read walks nothing)",
        lambda t: without_block(t, r"fn __shape_flat\(__w: __s::Flat\) -> bool \{"),
    ),
]


def main():
    ours, plain, out = sys.argv[1:4]
    base = standalone(open(ours, encoding="utf-8").read())
    with open(f"{out}/plain.rs", "w", encoding="utf-8") as f:
        f.write(standalone(open(plain, encoding="utf-8").read()))
    for name, what, make in VARIANTS:
        text = make(base)
        if name != "base" and text == base:
            print(f"variant {name} changes nothing in this expansion: left out", file=sys.stderr)
            continue
        with open(f"{out}/{name}.rs", "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{name}\t{what}")


if __name__ == "__main__":
    main()
