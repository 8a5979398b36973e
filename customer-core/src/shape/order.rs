//! Where a violation is in the text of a document that read: the sort key that puts the rule
//! violations of such a document in document order without reading it again into a tree.
//!
//! A pointer is followed through the bytes, skipping the values before it without building
//! anything: a member is found by its key among its object's members (the first of repeated
//! keys, as [`super::Positions`] does), an element by its index. The key of a value that is
//! there is the offset of its first byte; a pointer that leaves the document (a member that is
//! not there, an index past the end, a step into a number or a string) sorts after everything
//! inside the last value it reached, before that value's next sibling: the same order as
//! [`super::Positions`], whose index vectors put such a pointer after its siblings.

use std::borrow::Cow;

/// The sort key of `pointer` in `json` (a whole JSON document that read), or `None` when the
/// text is not as expected (the caller then reads it into a tree).
pub(super) fn key(json: &[u8], pointer: &str) -> Option<(usize, bool)> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Some((0, false));
    };
    let mut at = ws(json, 0)?;
    for raw in rest.split('/') {
        let segment: Cow<'_, str> = if raw.contains('~') {
            Cow::Owned(raw.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(raw)
        };
        let next = match json.get(at)? {
            b'{' => member(json, at, &segment)?,
            b'[' => element(json, at, &segment)?,
            // A step into a scalar: after it, before what follows it.
            _ => Err(at),
        };
        match next {
            Ok(value) => at = value,
            Err(after) => return Some((after, true)),
        }
    }
    Some((at, false))
}

/// The offset of the value of the first member named `name` of the object at `open`, or
/// `Err(offset of its closing brace)` when there is none.
fn member(json: &[u8], open: usize, name: &str) -> Option<Result<usize, usize>> {
    let mut i = ws(json, open + 1)?;
    if *json.get(i)? == b'}' {
        return Some(Err(i));
    }
    loop {
        let end = string_end(json, i)?;
        let raw = json.get(i + 1..end - 1)?;
        let same = if raw.contains(&b'\\') {
            serde_json::from_slice::<String>(json.get(i..end)?).ok()? == name
        } else {
            raw == name.as_bytes()
        };
        i = ws(json, end)?;
        if *json.get(i)? != b':' {
            return None;
        }
        i = ws(json, i + 1)?;
        if same {
            return Some(Ok(i));
        }
        i = ws(json, skip(json, i)?)?;
        match *json.get(i)? {
            b',' => i = ws(json, i + 1)?,
            b'}' => return Some(Err(i)),
            _ => return None,
        }
    }
}

/// The offset of element `index` of the array at `open`, or `Err(offset of its closing
/// bracket)` when there is none.
fn element(json: &[u8], open: usize, index: &str) -> Option<Result<usize, usize>> {
    let wanted = index.parse::<usize>().ok();
    let mut i = ws(json, open + 1)?;
    if *json.get(i)? == b']' {
        return Some(Err(i));
    }
    let mut n = 0;
    loop {
        if wanted == Some(n) {
            return Some(Ok(i));
        }
        i = ws(json, skip(json, i)?)?;
        match *json.get(i)? {
            b',' => i = ws(json, i + 1)?,
            b']' => return Some(Err(i)),
            _ => return None,
        }
        n += 1;
    }
}

/// The first offset from `i` that is not JSON whitespace.
fn ws(json: &[u8], mut i: usize) -> Option<usize> {
    while matches!(json.get(i)?, b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    Some(i)
}

/// The offset just past the string that starts (with its quote) at `i`.
fn string_end(json: &[u8], i: usize) -> Option<usize> {
    if *json.get(i)? != b'"' {
        return None;
    }
    let mut j = i + 1;
    loop {
        match *json.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
}

/// The offset just past the value that starts at `i`.
fn skip(json: &[u8], i: usize) -> Option<usize> {
    match *json.get(i)? {
        b'"' => string_end(json, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *json.get(j)? {
                    b'"' => {
                        j = string_end(json, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while !matches!(
                json.get(j),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Node, Positions};
    use super::key;

    /// The keys sort the pointers as `Positions` does, on every kind of step.
    #[test]
    fn the_same_order_as_the_tree() {
        let json = r#" { "b" : [0, {"z": "}\"]", "y": [ ]}, "s"], "a": 1, "a/b~c": {"x": null},
            "e\u0073c": true, "b": "again" } "#;
        let pointers = [
            "",
            "/b",
            "/b/0",
            "/b/1",
            "/b/1/z",
            "/b/1/y",
            "/b/1/y/0",
            "/b/1/nope",
            "/b/2",
            "/b/2/deeper",
            "/b/3",
            "/b/x",
            "/a",
            "/a/into",
            "/a~1b~0c",
            "/a~1b~0c/x",
            "/a~1b~0c/w",
            "/esc",
            "/missing",
            "/missing/deeper",
        ];
        let node: Node = serde_json::from_str(json).unwrap();
        let mut positions = Positions::new(&node);
        let mut by_tree: Vec<&str> = pointers.to_vec();
        by_tree.sort_by_cached_key(|p| positions.of(p));
        let mut by_text: Vec<&str> = pointers.to_vec();
        by_text.sort_by_cached_key(|p| key(json.as_bytes(), p).unwrap());
        assert_eq!(by_text, by_tree);
        assert_eq!(key(json.as_bytes(), "/b"), key(json.as_bytes(), "/b"));
        assert_eq!(
            key(json.as_bytes(), "/missing"),
            key(json.as_bytes(), "/missing/deeper")
        );
    }
}
