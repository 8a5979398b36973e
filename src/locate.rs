//! Finds the lines of the values JSON Pointers name in a JSON document, so that violations in a
//! pretty-printed file can be reported as `FILE:LINE`.
//!
//! All the pointers of a document are found in one forward pass ([`lines_of`]): only the
//! members on the way to a wanted pointer are entered, every other value is skipped, and the
//! lines are counted once, so a document with thousands of violations costs one reading, not one
//! reading per violation.
//!
//! The scanner is tolerant: it never fails, never recurses, and stops at the deepest member it
//! could find (the object that lacks a required member, for instance).

use std::collections::{HashMap, HashSet};

/// The 1-based line of the value at `pointer` in `json`, or of the deepest existing parent.
#[cfg(test)]
pub fn line_of(json: &str, pointer: &str) -> usize {
    lines_of(json, &[pointer])[0]
}

/// The 1-based line of the value at each of `pointers` in `json` (or of its deepest existing
/// parent), in the order given, found in one pass over the document.
pub fn lines_of(json: &str, pointers: &[&str]) -> Vec<usize> {
    let bytes = json.as_bytes();
    // The members worth entering: every parent of a wanted pointer.
    let mut enter: HashSet<&str> = HashSet::new();
    for pointer in pointers {
        // A pointer is "" or starts with "/"; anything else names nothing but the document.
        if !pointer.starts_with('/') {
            continue;
        }
        let mut end = pointer.len();
        while let Some(cut) = pointer[..end].rfind('/') {
            enter.insert(&pointer[..cut]);
            end = cut;
        }
    }
    let wanted: HashSet<&str> = pointers
        .iter()
        .copied()
        .chain(enter.iter().copied())
        .collect();
    let found = walk(bytes, &wanted, &enter);
    // Each pointer's offset: its own, or its deepest found parent's.
    let offsets: Vec<usize> = pointers
        .iter()
        .map(|pointer| {
            let mut at: &str = pointer;
            loop {
                if let Some(&offset) = found.get(at) {
                    return offset;
                }
                match at.rfind('/') {
                    Some(cut) if at.starts_with('/') => at = &at[..cut],
                    _ => return found.get("").copied().unwrap_or(0),
                }
            }
        })
        .collect();
    // Offsets to lines, counting the newlines once, in offset order.
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut lines = vec![1; offsets.len()];
    let (mut line, mut counted) = (1usize, 0usize);
    for i in order {
        let to = offsets[i].min(bytes.len());
        if to > counted {
            line += bytes[counted..to].iter().filter(|&&b| b == b'\n').count();
            counted = to;
        }
        lines[i] = line;
    }
    lines
}

/// An open container of the walk, with the length of its pointer.
enum Frame {
    Object(usize),
    Array(usize, usize),
}

/// The offsets of the values at the `wanted` pointers that exist, entering only `enter`.
fn walk<'w>(
    bytes: &[u8],
    wanted: &HashSet<&'w str>,
    enter: &HashSet<&str>,
) -> HashMap<&'w str, usize> {
    let mut found = HashMap::new();
    let mut scan = Scan { bytes, at: 0 };
    let mut pointer = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    // At the start of a value whose pointer is `pointer`.
    'value: loop {
        scan.skip_ws();
        if let Some(&key) = wanted.get(pointer.as_str()) {
            found.insert(key, scan.at);
        }
        let inside = enter.contains(pointer.as_str());
        match scan.peek() {
            Some(b'{') if inside => {
                scan.at += 1;
                stack.push(Frame::Object(pointer.len()));
                scan.skip_ws();
                if scan.peek() == Some(b'}') {
                    scan.at += 1;
                    stack.pop();
                } else if scan.member(&mut pointer) {
                    continue 'value;
                } else {
                    return found;
                }
            }
            Some(b'[') if inside => {
                scan.at += 1;
                stack.push(Frame::Array(pointer.len(), 0));
                scan.skip_ws();
                if scan.peek() == Some(b']') {
                    scan.at += 1;
                    stack.pop();
                } else {
                    pointer.push_str("/0");
                    continue 'value;
                }
            }
            _ => {
                if scan.skip_value().is_none() {
                    return found;
                }
            }
        }
        // After a value: the next member or element of the container, or its end.
        loop {
            let Some(frame) = stack.last_mut() else {
                return found;
            };
            scan.skip_ws();
            let (len, close) = match frame {
                Frame::Object(len) => (*len, b'}'),
                Frame::Array(len, _) => (*len, b']'),
            };
            pointer.truncate(len);
            match scan.peek() {
                Some(b',') => {
                    scan.at += 1;
                    match frame {
                        Frame::Object(_) => {
                            scan.skip_ws();
                            if !scan.member(&mut pointer) {
                                return found;
                            }
                        }
                        Frame::Array(_, index) => {
                            *index += 1;
                            pointer.push('/');
                            pointer.push_str(&index.to_string());
                        }
                    }
                    continue 'value;
                }
                Some(c) if c == close => {
                    scan.at += 1;
                    stack.pop();
                }
                _ => return found,
            }
        }
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    /// At a member's name: reads it and its `:`, and appends it to `pointer` (escaped as a
    /// pointer's segment). `false` when the text is not a member.
    fn member(&mut self, pointer: &mut String) -> bool {
        let Some(raw) = self.string() else {
            return false;
        };
        let name = if raw.contains(&b'\\') {
            std::str::from_utf8(raw)
                .ok()
                .and_then(|r| serde_json::from_str::<String>(&format!("\"{r}\"")).ok())
        } else {
            std::str::from_utf8(raw).ok().map(str::to_owned)
        };
        let Some(name) = name else {
            return false;
        };
        self.skip_ws();
        if self.peek() != Some(b':') {
            return false;
        }
        self.at += 1;
        pointer.push('/');
        for c in name.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
        true
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips a string starting at `"`, returning its raw contents (without quotes).
    fn string(&mut self) -> Option<&[u8]> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let start = self.at;
        loop {
            match self.peek()? {
                b'"' => {
                    let raw = self.bytes.get(start..self.at);
                    self.at += 1;
                    return raw;
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// Skips one value of any kind, nested or not, without recursion.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.at += 1;
                }
                b',' | b':' => {
                    self.at += 1;
                    continue;
                }
                _ => {
                    while !matches!(
                        self.peek(),
                        None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                    ) {
                        self.at += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::line_of;

    const DOC: &str = r#"{
  "data": {
    "id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
    "name": "Jo \"the\" Brown",
    "tags": [
      "a",
      {"x": [1, 2]},
      "c"
    ],
    "we/ird~key": 1,
    "esc\u0061ped": true
  },
  "meta": {"request_id": "x"}
}"#;

    #[test]
    fn finds_lines() {
        assert_eq!(line_of(DOC, ""), 1);
        assert_eq!(line_of(DOC, "/data"), 2);
        assert_eq!(line_of(DOC, "/data/id"), 3);
        assert_eq!(line_of(DOC, "/data/name"), 4);
        assert_eq!(line_of(DOC, "/data/tags"), 5);
        assert_eq!(line_of(DOC, "/data/tags/0"), 6);
        assert_eq!(line_of(DOC, "/data/tags/1/x/1"), 7);
        assert_eq!(line_of(DOC, "/data/tags/2"), 8);
        assert_eq!(line_of(DOC, "/data/we~1ird~0key"), 10);
        assert_eq!(line_of(DOC, "/data/escaped"), 11);
        assert_eq!(line_of(DOC, "/meta/request_id"), 13);
    }

    #[test]
    fn missing_members_give_the_deepest_parent() {
        assert_eq!(line_of(DOC, "/data/email"), 2);
        assert_eq!(line_of(DOC, "/data/tags/9"), 5);
        assert_eq!(line_of(DOC, "/nope/deeper"), 1);
        assert_eq!(line_of(DOC, "/data/id/x"), 3);
    }

    #[test]
    fn many_pointers_in_one_pass_match_one_at_a_time() {
        let pointers = [
            "/meta/request_id",
            "",
            "/data/tags/1/x/1",
            "/data/email",
            "/data/we~1ird~0key",
            "/nope/deeper",
            "/data/tags/9",
            "/data/id",
            "/data/escaped",
            "/data/id",
        ];
        let together = super::lines_of(DOC, &pointers);
        let alone: Vec<usize> = pointers.iter().map(|p| line_of(DOC, p)).collect();
        assert_eq!(together, alone);
        assert_eq!(together, [13, 1, 7, 2, 10, 1, 5, 3, 11, 3]);
    }

    #[test]
    fn thousands_of_members_each_on_its_line() {
        let mut doc = String::from("{\n");
        let mut pointers = Vec::new();
        for i in 0..3000 {
            doc.push_str(&format!("  \"k{i}\": [1, {{\"a\": {i}}}],\n"));
            pointers.push(format!("/k{i}/1/a"));
        }
        doc.push_str("  \"end\": true\n}");
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let lines = super::lines_of(&doc, &refs);
        assert_eq!(lines, (2..3002).collect::<Vec<usize>>());
    }

    #[test]
    fn never_fails_on_broken_input() {
        for broken in [
            "", "{", "[", "{\"a\"", "{\"a\":", "[1,", "\"abc", "{\"a\\", "}}}]]",
        ] {
            let _ = line_of(broken, "/a/0/b");
            let _ = super::lines_of(broken, &["/a/0/b", "", "/a", "nothing"]);
        }
    }
}
