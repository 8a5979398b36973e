//! Patterns in the syntax of JSON Schema (ECMA-262 with the `u` flag): the `pattern` rule's
//! expression translated, and the pieces `id` builds its pattern from.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::rules::regex::Compiled;

/// The rule's expression in ECMA-262 syntax, anchored with `^…$`; `None` when it uses
/// something ECMA-262 cannot say the same way (multi-line anchors, Unicode word boundaries).
pub(crate) fn ecma_pattern(compiled: &Compiled) -> Option<String> {
    match compiled {
        Compiled::Simple {
            prefix,
            bits,
            min,
            max,
            suffix,
            ..
        } => {
            let mut out = String::from("^");
            push_literal(prefix, &mut out);
            if *max != Some(0) {
                push_class_bits(*bits, &mut out);
                push_counts(*min, *max, &mut out);
            }
            push_literal(suffix, &mut out);
            out.push('$');
            Some(out)
        }
        Compiled::Regex { anchored, .. } => {
            let hir = regex_syntax::ParserBuilder::new()
                .build()
                .parse(anchored)
                .ok()?;
            // `anchored` is `\A(?:…)\z`: the one `^…$` pair written here, and every anchor of
            // the rule's own at the very start or end left out (`^…$` as a rule writes it would
            // print `^^…$$`), which matches the same strings since `^`/`$` are not multi-line.
            let mut out = String::from("^");
            write_hir(&hir, &mut out, Edges::BOTH)?;
            out.push('$');
            Some(out)
        }
    }
}

pub(crate) fn push_literal(text: &str, out: &mut String) {
    for c in text.chars() {
        push_char(c, false, out);
    }
}

/// One character, escaped where ECMA-262 (with the `u` flag) gives it a meaning.
fn push_char(c: char, in_class: bool, out: &mut String) {
    let special: &[char] = if in_class {
        &['\\', ']', '[', '^', '-']
    } else {
        &[
            '\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}',
        ]
    };
    if (' '..='~').contains(&c) {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    } else if (c as u32) <= 0xFFFF {
        out.push_str(&format!("\\u{:04x}", c as u32));
    } else {
        out.push(c);
    }
}

pub(crate) fn push_class_bits(bits: u128, out: &mut String) {
    let mut ranges: Vec<(char, char)> = Vec::new();
    for b in 0u8..128 {
        if (bits >> b) & 1 == 1 {
            let c = char::from(b);
            match ranges.last_mut() {
                Some((_, end)) if (*end as u32) + 1 == c as u32 => *end = c,
                _ => ranges.push((c, c)),
            }
        }
    }
    push_ranges(&ranges, out);
}

fn push_ranges(ranges: &[(char, char)], out: &mut String) {
    if let [(start, end)] = ranges {
        if start == end {
            push_char(*start, false, out);
            return;
        }
    }
    out.push('[');
    for (start, end) in ranges {
        push_char(*start, true, out);
        if end > start {
            if (*end as u32) > (*start as u32) + 1 {
                out.push('-');
            }
            push_char(*end, true, out);
        }
    }
    out.push(']');
}

pub(crate) fn push_counts(min: usize, max: Option<usize>, out: &mut String) {
    match (min, max) {
        (1, Some(1)) => {}
        (0, None) => out.push('*'),
        (1, None) => out.push('+'),
        (0, Some(1)) => out.push('?'),
        (n, None) => out.push_str(&format!("{{{n},}}")),
        (n, Some(m)) if n == m => out.push_str(&format!("{{{n}}}")),
        (n, Some(m)) => out.push_str(&format!("{{{n},{m}}}")),
    }
}

/// A single atom: a repetition can follow it without a group.
fn is_atom(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).is_ok_and(|s| s.chars().count() == 1),
        HirKind::Class(_) | HirKind::Capture(_) => true,
        _ => false,
    }
}

/// Whether a part of the expression starts where the text starts and ends where it ends, so
/// that a `^` (`$`) there is already said by the pattern's own anchors.
#[derive(Clone, Copy)]
struct Edges {
    start: bool,
    end: bool,
}

impl Edges {
    const BOTH: Edges = Edges {
        start: true,
        end: true,
    };
    const NONE: Edges = Edges {
        start: false,
        end: false,
    };
}

fn write_hir(hir: &Hir, out: &mut String, edges: Edges) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => out.push_str("(?:)"),
        HirKind::Literal(lit) => push_literal(std::str::from_utf8(&lit.0).ok()?, out),
        HirKind::Class(Class::Unicode(class)) => {
            let ranges: Vec<(char, char)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            if ranges.is_empty() {
                return None;
            }
            push_ranges(&ranges, out);
        }
        HirKind::Class(Class::Bytes(_)) => return None,
        HirKind::Look(look) => match look {
            Look::Start if edges.start => {}
            Look::End if edges.end => {}
            Look::Start => out.push('^'),
            Look::End => out.push('$'),
            Look::WordAscii => out.push_str("\\b"),
            Look::WordAsciiNegate => out.push_str("\\B"),
            _ => return None,
        },
        HirKind::Repetition(rep) => {
            if is_atom(&rep.sub) {
                write_hir(&rep.sub, out, Edges::NONE)?;
            } else {
                out.push_str("(?:");
                write_hir(&rep.sub, out, Edges::NONE)?;
                out.push(')');
            }
            let max = rep.max.map(|m| m as usize);
            let before = out.len();
            push_counts(rep.min as usize, max, out);
            if out.len() == before {
                // `{1}`: nothing to write, and nothing to make lazy.
                return Some(());
            }
            if !rep.greedy {
                out.push('?');
            }
        }
        HirKind::Capture(capture) => {
            out.push_str("(?:");
            write_hir(&capture.sub, out, edges)?;
            out.push(')');
        }
        HirKind::Concat(parts) => {
            let is_start = |part: &Hir| matches!(part.kind(), HirKind::Look(Look::Start));
            let is_end = |part: &Hir| matches!(part.kind(), HirKind::Look(Look::End));
            for (i, part) in parts.iter().enumerate() {
                // A part is at an edge when only anchors of that edge come between them.
                let edges = Edges {
                    start: edges.start && parts[..i].iter().all(is_start),
                    end: edges.end && parts[i + 1..].iter().all(is_end),
                };
                if matches!(part.kind(), HirKind::Alternation(_)) {
                    out.push_str("(?:");
                    write_hir(part, out, edges)?;
                    out.push(')');
                } else {
                    write_hir(part, out, edges)?;
                }
            }
        }
        HirKind::Alternation(options) => {
            for (i, option) in options.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write_hir(option, out, edges)?;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::ecma_pattern;
    use crate::rules::regex as pattern;

    fn ecma(p: &str) -> String {
        ecma_pattern(&pattern::compile(p).unwrap()).unwrap()
    }

    #[test]
    fn patterns_become_anchored_ecma() {
        assert_eq!(ecma("^cus_[a-z0-9]{14}$"), "^cus_[0-9a-z]{14}$");
        assert_eq!(ecma("a|b"), "^[ab]$");
        assert_eq!(ecma("ab|cd+"), "^(?:ab|cd+)$");
        assert_eq!(ecma("\\d+"), "^[0-9]+$");
        assert_eq!(ecma("x.y"), "^x[\\u0000-\\u0009\\u000b-\u{10ffff}]y$");
        assert_eq!(ecma("(?i)ab"), "^[Aa][Bb]$");
    }

    #[test]
    fn a_pattern_anchored_by_its_author_is_anchored_once() {
        assert_eq!(ecma("^(ab|cd)+$"), "^(?:ab|cd)+$");
        assert_eq!(ecma("^ab|^cd$"), "^(?:ab|cd)$");
        assert_eq!(ecma("^$"), "^$");
        assert_eq!(ecma("^[a-z][a-z0-9_]*$"), "^[a-z][0-9_a-z]*$");
        // Anchors inside a repetition or after other parts still say something: kept.
        assert_eq!(ecma("(^a)+"), "^(?:^a)+$");
        assert_eq!(ecma("a?^b"), "^a?^b$");
        assert_eq!(ecma("a$b?"), "^a$b?$");
    }

    #[test]
    fn multi_line_and_unicode_boundaries_are_refused() {
        assert!(ecma_pattern(&pattern::compile("(?m)^a$").unwrap()).is_none());
        assert!(ecma_pattern(&pattern::compile("\\bword\\b").unwrap()).is_none());
    }
}
