//! `pattern = "…"` at compile time: the regex is checked with regex-syntax while the macro runs,
//! `\d \w \s` are rewritten to their ASCII meaning (as OpenAPI / ECMA-262 read them), the
//! pattern is anchored to the whole value, and a simple shape (literal prefix, one ASCII class
//! with a count, literal suffix) is turned into a byte check that needs no regex at run time.

use regex_syntax::ast::{
    self, AssertionKind, Ast, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet, ClassSetItem,
    ClassSetRange, ClassSetUnion, Flag, FlagsItemKind, GroupKind,
};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

pub(crate) enum Compiled {
    Simple {
        prefix: String,
        bits: u128,
        min: usize,
        max: Option<usize>,
        suffix: String,
        shown: String,
    },
    Regex {
        anchored: String,
        shown: String,
    },
}

/// Checks, rewrites and classifies `pattern`; `Err` has regex-syntax's explanation.
pub(crate) fn compile(pattern: &str) -> Result<Compiled, String> {
    let simple = |(prefix, bits, min, max, suffix): Shape| Compiled::Simple {
        prefix,
        bits,
        min,
        max,
        suffix,
        shown: pattern.to_owned(),
    };
    // Most patterns are an identifier's shape, read here without regex-syntax (its parse and
    // translation are most of what a model with a `pattern` costs the derive, unoptimized).
    if let Some(shape) = plain_shape(pattern) {
        return Ok(simple(shape));
    }
    let (anchored, hir) = anchored_hir(pattern, false)?;
    Ok(match simple_shape(&hir) {
        Some(shape) => simple(shape),
        None => Compiled::Regex {
            anchored,
            shown: pattern.to_owned(),
        },
    })
}

/// Patterns this long or longer are parsed again rewritten (see [`anchored_hir`]): below it the
/// few levels of nesting the rewrite adds cannot reach regex-syntax's nesting limit (250), since
/// each level of a pattern takes at least one of its characters.
const REPARSED_FROM: usize = 128;

/// The pattern rewritten and anchored (`\A(?:…)\z`, the text the run-time regex compiles) and
/// its HIR. The pattern is parsed once: its `\d \w \s` nodes are replaced in its syntax tree
/// by the nodes regex-syntax parses from their ASCII text (see [`ascii_class`]), and the tree is
/// anchored as the text is. A long pattern, or one in verbose mode (`x`, where the space of
/// `\s`'s text would be skipped), or `reparse`, is instead parsed again from that text.
fn anchored_hir(pattern: &str, reparse: bool) -> Result<(String, Hir), String> {
    let mut ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.kind().to_string())?;
    let mut finder = PerlClasses::default();
    let _ = ast::visit(&ast, &mut finder);
    let mut edits = finder.edits;
    edits.sort_by_key(|e| e.start);
    let mut rewritten = String::with_capacity(pattern.len() + 16);
    let mut at = 0;
    for edit in &edits {
        rewritten.push_str(&pattern[at..edit.start]);
        rewritten.push_str(edit.replacement);
        at = edit.end;
    }
    rewritten.push_str(&pattern[at..]);

    let anchored = format!("\\A(?:{rewritten})\\z");
    let hir = if reparse || finder.verbose || pattern.len() >= REPARSED_FROM {
        regex_syntax::ParserBuilder::new()
            .build()
            .parse(&anchored)
            .map_err(|e| match e {
                regex_syntax::Error::Parse(e) => e.kind().to_string(),
                regex_syntax::Error::Translate(e) => e.kind().to_string(),
                other => other.to_string(),
            })?
    } else {
        ascii_perl_classes(&mut ast);
        regex_syntax::hir::translate::Translator::new()
            .translate(&anchored, &anchor(ast))
            .map_err(|e| e.kind().to_string())?
    };
    Ok((anchored, hir))
}

/// `\A(?:ast)\z`, as regex-syntax parses that text.
fn anchor(ast: Ast) -> Ast {
    let span = *ast.span();
    let assertion = |kind| Ast::assertion(ast::Assertion { span, kind });
    Ast::concat(ast::Concat {
        span,
        asts: vec![
            assertion(AssertionKind::StartText),
            Ast::group(ast::Group {
                span,
                kind: GroupKind::NonCapturing(ast::Flags {
                    span,
                    items: Vec::new(),
                }),
                ast: Box::new(ast),
            }),
            assertion(AssertionKind::EndText),
        ],
    })
}

/// Replaces each Perl class of `ast` by the nodes of its ASCII text (see [`ascii_class`]).
fn ascii_perl_classes(ast: &mut Ast) {
    match ast {
        Ast::ClassPerl(class) => {
            let ascii = bracketed(class);
            *ast = Ast::class_bracketed(ascii);
        }
        Ast::ClassBracketed(class) => ascii_in_set(&mut class.kind),
        Ast::Repetition(repetition) => ascii_perl_classes(&mut repetition.ast),
        Ast::Group(group) => ascii_perl_classes(&mut group.ast),
        Ast::Alternation(alternation) => alternation.asts.iter_mut().for_each(ascii_perl_classes),
        Ast::Concat(concat) => concat.asts.iter_mut().for_each(ascii_perl_classes),
        Ast::Empty(_)
        | Ast::Flags(_)
        | Ast::Literal(_)
        | Ast::Dot(_)
        | Ast::Assertion(_)
        | Ast::ClassUnicode(_) => {}
    }
}

fn ascii_in_set(set: &mut ClassSet) {
    match set {
        ClassSet::Item(item) => ascii_in_item(item),
        ClassSet::BinaryOp(op) => {
            ascii_in_set(&mut op.lhs);
            ascii_in_set(&mut op.rhs);
        }
    }
}

/// In a set, a negated class is a set of its own (`[^0-9]`), the others their ranges (`0-9`).
fn ascii_in_item(item: &mut ClassSetItem) {
    match item {
        ClassSetItem::Perl(class) => {
            let ascii = if class.negated {
                ClassSetItem::Bracketed(Box::new(bracketed(class)))
            } else {
                ClassSetItem::Union(ascii_union(class))
            };
            *item = ascii;
        }
        ClassSetItem::Bracketed(class) => ascii_in_set(&mut class.kind),
        ClassSetItem::Union(union) => union.items.iter_mut().for_each(ascii_in_item),
        ClassSetItem::Empty(_)
        | ClassSetItem::Literal(_)
        | ClassSetItem::Range(_)
        | ClassSetItem::Ascii(_)
        | ClassSetItem::Unicode(_) => {}
    }
}

/// `[0-9]`, `[^0-9]`, … for `class`.
fn bracketed(class: &ClassPerl) -> ClassBracketed {
    ClassBracketed {
        span: class.span,
        negated: class.negated,
        kind: ClassSet::Item(ClassSetItem::Union(ascii_union(class))),
    }
}

/// The ranges and characters of `class`'s ASCII text, at its span.
fn ascii_union(class: &ClassPerl) -> ClassSetUnion {
    let ranges: &[(char, char)] = match class.kind {
        ClassPerlKind::Digit => &[('0', '9')],
        ClassPerlKind::Word => &[('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')],
        ClassPerlKind::Space => &[
            ('\t', '\t'),
            ('\n', '\n'),
            ('\x0B', '\x0B'),
            ('\x0C', '\x0C'),
            ('\r', '\r'),
            (' ', ' '),
        ],
    };
    let span = class.span;
    let literal = |c| ast::Literal {
        span,
        kind: ast::LiteralKind::Verbatim,
        c,
    };
    let items = ranges
        .iter()
        .map(|&(start, end)| {
            if start == end {
                ClassSetItem::Literal(literal(start))
            } else {
                ClassSetItem::Range(ClassSetRange {
                    span,
                    start: literal(start),
                    end: literal(end),
                })
            }
        })
        .collect();
    ClassSetUnion { span, items }
}

struct Edit {
    start: usize,
    end: usize,
    replacement: &'static str,
}

/// The Perl classes of a pattern (as edits of its text), and whether it sets verbose mode.
#[derive(Default)]
struct PerlClasses {
    edits: Vec<Edit>,
    verbose: bool,
}

fn sets_verbose(flags: &ast::Flags) -> bool {
    flags
        .items
        .iter()
        .any(|item| item.kind == FlagsItemKind::Flag(Flag::IgnoreWhitespace))
}

fn ascii_class(kind: &ClassPerlKind, negated: bool, in_set: bool) -> &'static str {
    match (kind, negated, in_set) {
        (ClassPerlKind::Digit, false, false) => "[0-9]",
        (ClassPerlKind::Digit, true, _) => "[^0-9]",
        (ClassPerlKind::Digit, false, true) => "0-9",
        (ClassPerlKind::Word, false, false) => "[0-9A-Za-z_]",
        (ClassPerlKind::Word, true, _) => "[^0-9A-Za-z_]",
        (ClassPerlKind::Word, false, true) => "0-9A-Za-z_",
        (ClassPerlKind::Space, false, false) => "[\\t\\n\\x0B\\x0C\\r ]",
        (ClassPerlKind::Space, true, _) => "[^\\t\\n\\x0B\\x0C\\r ]",
        (ClassPerlKind::Space, false, true) => "\\t\\n\\x0B\\x0C\\r ",
    }
}

impl ast::Visitor for &mut PerlClasses {
    type Output = ();
    type Err = ();

    fn finish(self) -> Result<(), ()> {
        Ok(())
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), ()> {
        match ast {
            Ast::ClassPerl(class) => self.edits.push(Edit {
                start: class.span.start.offset,
                end: class.span.end.offset,
                replacement: ascii_class(&class.kind, class.negated, false),
            }),
            Ast::Flags(set) => self.verbose |= sets_verbose(&set.flags),
            Ast::Group(group) => {
                if let GroupKind::NonCapturing(flags) = &group.kind {
                    self.verbose |= sets_verbose(flags);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), ()> {
        if let ClassSetItem::Perl(class) = item {
            self.edits.push(Edit {
                start: class.span.start.offset,
                end: class.span.end.offset,
                replacement: ascii_class(&class.kind, class.negated, true),
            });
        }
        Ok(())
    }
}

type Shape = (String, u128, usize, Option<usize>, String);

/// `prefix [class]{min,max} suffix` when the anchored pattern has exactly that shape.
fn simple_shape(hir: &Hir) -> Option<Shape> {
    let mut parts: Vec<&Hir> = Vec::new();
    flatten(hir, &mut parts);
    let starts = parts
        .iter()
        .take_while(|h| h.kind() == &HirKind::Look(Look::Start))
        .count();
    let ends = parts
        .iter()
        .rev()
        .take_while(|h| h.kind() == &HirKind::Look(Look::End))
        .count();
    if starts == 0 || ends == 0 || starts + ends > parts.len() {
        return None;
    }
    let middle = &parts[starts..parts.len() - ends];
    let mut i = 0;
    let mut prefix = String::new();
    if let Some(HirKind::Literal(lit)) = middle.get(i).map(|h| h.kind()) {
        prefix = String::from_utf8(lit.0.to_vec()).ok()?;
        i += 1;
    }
    let mut bits = 0u128;
    let (mut min, mut max) = (0usize, Some(0usize));
    if let Some(part) = middle.get(i) {
        match part.kind() {
            HirKind::Class(class) => {
                bits = class_bits(class)?;
                (min, max) = (1, Some(1));
                i += 1;
            }
            HirKind::Repetition(rep) => {
                if let HirKind::Class(class) = rep.sub.kind() {
                    bits = class_bits(class)?;
                    min = usize::try_from(rep.min).ok()?;
                    max = match rep.max {
                        Some(m) => Some(usize::try_from(m).ok()?),
                        None => None,
                    };
                    i += 1;
                }
            }
            _ => {}
        }
    }
    let mut suffix = String::new();
    if let Some(HirKind::Literal(lit)) = middle.get(i).map(|h| h.kind()) {
        suffix = String::from_utf8(lit.0.to_vec()).ok()?;
        i += 1;
    }
    (i == middle.len()).then_some((prefix, bits, min, max, suffix))
}

/// [`simple_shape`] of a pattern written plainly, read from its text: `^`, a literal prefix, one
/// bracketed class, its count, a literal suffix, `$` (each but the class optional). A literal is
/// made of ASCII letters, digits, `_`, `-` and `\.`; the class of such letters, digits and `_`,
/// ranges of them, `\d` and `\w` (their ASCII meaning, see [`ascii_class`]), and at least two
/// characters (regex-syntax reads a class of one as a literal); the count is `?`, `*`, `+`,
/// `{n}`, `{n,}` or `{n,m}`, not `{0}`. Such a text is a valid pattern, which regex-syntax
/// reads as that shape (the test `plain_shapes_are_the_parsed_shapes` checks both routes); any
/// other text is `None`, and is parsed.
fn plain_shape(pattern: &str) -> Option<Shape> {
    let mut rest = pattern.as_bytes();
    if let [b'^', after @ ..] = rest {
        rest = after;
    }
    let prefix = plain_literal(&mut rest);
    let [b'[', after @ ..] = rest else {
        return None;
    };
    rest = after;
    let mut bits = 0u128;
    loop {
        match rest {
            [b']', after @ ..] => {
                rest = after;
                break;
            }
            [b'\\', b'd', after @ ..] => {
                bits |= ascii_bits(b'0', b'9');
                rest = after;
            }
            [b'\\', b'w', after @ ..] => {
                bits |= ascii_bits(b'0', b'9')
                    | ascii_bits(b'A', b'Z')
                    | ascii_bits(b'a', b'z')
                    | ascii_bits(b'_', b'_');
                rest = after;
            }
            [lo, b'-', hi, after @ ..] if class_char(*lo) && class_char(*hi) && lo <= hi => {
                bits |= ascii_bits(*lo, *hi);
                rest = after;
            }
            [c, after @ ..] if class_char(*c) && after.first() != Some(&b'-') => {
                bits |= ascii_bits(*c, *c);
                rest = after;
            }
            _ => return None,
        }
    }
    if bits.count_ones() < 2 {
        return None;
    }
    let (min, max) = match rest {
        [b'?', after @ ..] => {
            rest = after;
            (0, Some(1))
        }
        [b'*', after @ ..] => {
            rest = after;
            (0, None)
        }
        [b'+', after @ ..] => {
            rest = after;
            (1, None)
        }
        [b'{', after @ ..] => {
            rest = after;
            let min = plain_count(&mut rest)?;
            let max = match rest {
                [b'}', after @ ..] => {
                    rest = after;
                    Some(min)
                }
                [b',', b'}', after @ ..] => {
                    rest = after;
                    None
                }
                [b',', after @ ..] => {
                    rest = after;
                    let max = plain_count(&mut rest)?;
                    let [b'}', after @ ..] = rest else {
                        return None;
                    };
                    rest = after;
                    Some(max)
                }
                _ => return None,
            };
            if max.is_some_and(|max| max < min) || max == Some(0) {
                return None;
            }
            (min, max)
        }
        _ => (1, Some(1)),
    };
    let suffix = plain_literal(&mut rest);
    if let [b'$'] = rest {
        rest = &[];
    }
    rest.is_empty().then_some((prefix, bits, min, max, suffix))
}

/// The literal at the start of `rest` (see [`plain_shape`]), taken off it.
fn plain_literal(rest: &mut &[u8]) -> String {
    let mut literal = String::new();
    loop {
        match *rest {
            [b'\\', b'.', after @ ..] => {
                literal.push('.');
                *rest = after;
            }
            [c, after @ ..] if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-') => {
                literal.push(char::from(*c));
                *rest = after;
            }
            _ => return literal,
        }
    }
}

/// The decimal count at the start of `rest` (at most `u32::MAX`, as regex-syntax reads it), taken
/// off it.
fn plain_count(rest: &mut &[u8]) -> Option<usize> {
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (count, after) = rest.split_at(digits);
    let count: u32 = std::str::from_utf8(count).ok()?.parse().ok()?;
    *rest = after;
    usize::try_from(count).ok()
}

/// A character of a plain class: an ASCII letter or digit, or `_`.
fn class_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The bits of the characters `lo..=hi` (ASCII).
fn ascii_bits(lo: u8, hi: u8) -> u128 {
    (lo..=hi).fold(0, |bits, b| bits | 1u128 << b)
}

fn flatten<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().for_each(|p| flatten(p, out)),
        HirKind::Capture(capture) => flatten(&capture.sub, out),
        _ => out.push(hir),
    }
}

fn class_bits(class: &Class) -> Option<u128> {
    let mut bits = 0u128;
    match class {
        Class::Unicode(class) => {
            for range in class.iter() {
                let (lo, hi) = (u32::from(range.start()), u32::from(range.end()));
                if hi >= 128 {
                    return None;
                }
                for b in lo..=hi {
                    bits |= 1u128 << b;
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.iter() {
                if range.end() >= 128 {
                    return None;
                }
                for b in range.start()..=range.end() {
                    bits |= 1u128 << b;
                }
            }
        }
    }
    Some(bits)
}

#[cfg(test)]
mod tests {
    use super::{compile, Compiled};

    fn simple(pattern: &str) -> Option<(String, usize, Option<usize>, String)> {
        match compile(pattern).ok()? {
            Compiled::Simple {
                prefix,
                min,
                max,
                suffix,
                ..
            } => Some((prefix, min, max, suffix)),
            Compiled::Regex { .. } => None,
        }
    }

    #[test]
    fn paddle_id_is_a_byte_check() {
        assert_eq!(
            simple("^ctm_[a-z\\d]{26}$"),
            Some(("ctm_".into(), 26, Some(26), String::new()))
        );
        assert_eq!(
            simple("cus_[a-z0-9]+"),
            Some(("cus_".into(), 1, None, String::new()))
        );
        assert_eq!(
            simple("[A-Z]{2}"),
            Some((String::new(), 2, Some(2), String::new()))
        );
        assert_eq!(
            simple("v[0-9]+\\.json"),
            Some(("v".into(), 1, None, ".json".into()))
        );
    }

    #[test]
    fn other_shapes_use_the_regex() {
        assert_eq!(simple("ab|cd"), None);
        assert_eq!(
            simple("a|b"),
            Some((String::new(), 1, Some(1), String::new()))
        );
        assert_eq!(simple("^a$|^b$"), None);
        assert_eq!(simple("[a-z]+@[a-z]+"), None);
        assert_eq!(simple("\\p{L}+"), None);
        assert_eq!(simple("(?i)ctm_[a-z]+"), None);
    }

    #[test]
    fn perl_classes_become_ascii() {
        match compile("\\d+-[\\w.]+\\s?\\D").unwrap() {
            Compiled::Regex { anchored, .. } => {
                assert_eq!(
                    anchored,
                    "\\A(?:[0-9]+-[0-9A-Za-z_.]+[\\t\\n\\x0B\\x0C\\r ]?[^0-9])\\z"
                );
            }
            Compiled::Simple { .. } => panic!("not simple"),
        }
    }

    /// The syntax tree with its Perl classes replaced gives the HIR (or the error) that parsing
    /// the rewritten text gives, in every context a class can stand in.
    #[test]
    fn the_rewritten_tree_is_the_rewritten_text() {
        let contexts = [
            "X",
            "X+",
            "aX{2,3}b",
            "^X*?$",
            "(X)",
            "(?P<n>X)|a",
            "a|X|",
            "[X]",
            "[^X]",
            "[aX]",
            "[X-]",
            "[-X]",
            "[a-z-X]",
            "[X--a]",
            "[X&&[a-z]]",
            "[X~~0]",
            "[[X]a]",
            "[[^X]]",
            "[X[:alpha:]]",
            "[\\pLX]",
            "(?i)X",
            "(?i)[X]",
            "(?i)[^X]",
            "(?i:[aX])b",
            "(?-u)X",
            "(?-u)[X]",
            "(?-u:[^X])",
            "(?s).X",
            "(?x)X a",
            "(?x:[X ])",
            "X\\X",
            "[X-z]",
            "[a-X]",
        ];
        for class in ["\\d", "\\D", "\\w", "\\W", "\\s", "\\S"] {
            for context in contexts {
                let pattern = context.replace('X', class);
                assert_eq!(
                    super::anchored_hir(&pattern, false),
                    super::anchored_hir(&pattern, true),
                    "{pattern}"
                );
            }
        }
        for pattern in [
            "",
            "^c1_[a-z\\d]{26}$",
            "\\d+-[\\w.]+\\s?\\D",
            "(",
            "[a-z",
            "a{3,1}",
        ] {
            assert_eq!(
                super::anchored_hir(pattern, false),
                super::anchored_hir(pattern, true),
                "{pattern}"
            );
        }
    }

    /// What `plain_shape` reads from a pattern's text is what regex-syntax's parse gives, over
    /// patterns made of the pieces it takes and of pieces near them that it must leave.
    #[test]
    fn plain_shapes_are_the_parsed_shapes() {
        let starts = ["", "^", "^^"];
        let literals = ["", "c0_", "a", "-", "ab\\.json", "x.", "\\-", "\\d"];
        let classes = [
            "[a-z\\d]", "[A-Z]", "[ab]", "[a]", "[aa]", "[\\w]", "[z-a]", "[a-]", "[-a]", "[^a-z]",
            "[]a]", "[0-9_]", "[a-c-e]", "",
        ];
        let counts = [
            "",
            "?",
            "*",
            "+",
            "{26}",
            "{1}",
            "{0}",
            "{0,}",
            "{0,0}",
            "{0,1}",
            "{2,5}",
            "{5,2}",
            "{3,}",
            "{4294967295}",
            "{4294967296}",
            "{02,010}",
            "{,3}",
            "{1,2}?",
            "++",
            "{ 2}",
            "{2",
        ];
        let ends = ["", "$", "$$"];
        let mut plain = 0;
        for start in starts {
            for prefix in literals {
                for class in classes {
                    for count in counts {
                        for suffix in literals {
                            for end in ends {
                                let pattern = format!("{start}{prefix}{class}{count}{suffix}{end}");
                                let Some(shape) = super::plain_shape(&pattern) else {
                                    continue;
                                };
                                plain += 1;
                                let (_, hir) = super::anchored_hir(&pattern, false)
                                    .unwrap_or_else(|e| panic!("{pattern}: {e}"));
                                assert_eq!(super::simple_shape(&hir), Some(shape), "{pattern}");
                            }
                        }
                    }
                }
            }
        }
        assert!(plain > 5_000, "{plain}");
        for pattern in [
            "^c1_[a-z\\d]{26}$",
            "cus_[a-z0-9]+",
            "[A-Z]{2}",
            "v[0-9]+\\.json",
        ] {
            assert!(super::plain_shape(pattern).is_some(), "{pattern}");
        }
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(compile("[a-z").is_err());
        assert!(compile("a{3,1}").is_err());
        assert!(compile("(").is_err());
    }
}
