//! Finds the line of the value a JSON Pointer names in a JSON document, so that a violation in a
//! pretty-printed file can be reported as `FILE:LINE`.
//!
//! The scanner is tolerant: it never fails, never recurses, and stops at the deepest member it
//! could find (the object that lacks a required member, for instance).

/// The 1-based line of the value at `pointer` in `json`, or of the deepest existing parent.
pub fn line_of(json: &str, pointer: &str) -> usize {
    let bytes = json.as_bytes();
    let offset = offset_of(bytes, pointer);
    1 + bytes
        .get(..offset)
        .map_or(0, |before| before.iter().filter(|&&b| b == b'\n').count())
}

/// The byte offset of the value at `pointer`, or of the deepest existing parent.
fn offset_of(bytes: &[u8], pointer: &str) -> usize {
    let mut scan = Scan { bytes, at: 0 };
    scan.skip_ws();
    let mut found = scan.at;
    if pointer.is_empty() {
        return found;
    }
    // A pointer is "" or starts with "/"; anything else names nothing.
    let Some(rest) = pointer.strip_prefix('/') else {
        return found;
    };
    for raw in rest.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        scan.skip_ws();
        let located = match scan.peek() {
            Some(b'{') => scan.find_member(&segment),
            Some(b'[') => segment
                .parse::<usize>()
                .is_ok_and(|index| scan.find_element(index) == Some(true)),
            _ => false,
        };
        if !located {
            break;
        }
        scan.skip_ws();
        found = scan.at;
    }
    found
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
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

    /// At `{`: moves to the value of member `key`. `false` (left anywhere) when there is none.
    fn find_member(&mut self, key: &str) -> bool {
        self.at += 1;
        loop {
            self.skip_ws();
            let Some(raw) = self.string() else {
                return false;
            };
            let matches = if raw.contains(&b'\\') {
                std::str::from_utf8(raw)
                    .ok()
                    .and_then(|r| serde_json::from_str::<String>(&format!("\"{r}\"")).ok())
                    .is_some_and(|k| k == key)
            } else {
                raw == key.as_bytes()
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.at += 1;
            self.skip_ws();
            if matches {
                return true;
            }
            if self.skip_value().is_none() {
                return false;
            }
            self.skip_ws();
            if self.peek() != Some(b',') {
                return false;
            }
            self.at += 1;
        }
    }

    /// At `[`: moves to element `index`. `Some(false)` or `None` when there is none.
    fn find_element(&mut self, index: usize) -> Option<bool> {
        self.at += 1;
        for _ in 0..index {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Some(false);
            }
            self.skip_value()?;
            self.skip_ws();
            if self.peek() != Some(b',') {
                return Some(false);
            }
            self.at += 1;
        }
        self.skip_ws();
        Some(self.peek() != Some(b']'))
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
    fn never_fails_on_broken_input() {
        for broken in [
            "", "{", "[", "{\"a\"", "{\"a\":", "[1,", "\"abc", "{\"a\\", "}}}]]",
        ] {
            let _ = line_of(broken, "/a/0/b");
        }
    }
}
