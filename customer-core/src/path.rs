//! [`Path`]: where the value being validated sits in the document, built on the stack and
//! written as an RFC 6901 JSON Pointer only when a violation is recorded.

/// How deep a [`Path`] may go before validation stops descending and reports `too_deep`.
pub const MAX_DEPTH: u32 = 128;

/// The location of the value being validated, kept on the stack as a linked list of segments.
///
/// Building a `Path` costs nothing on the heap; it is turned into a JSON Pointer string only
/// when a violation is recorded.
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
    depth: u32,
}

#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl Path<'static> {
    /// The whole document: the empty JSON Pointer `""`.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
        depth: 0,
    };
}

impl<'a> Path<'a> {
    /// The member `key` of the object at `self` (`/key` appended, escaped as RFC 6901 says).
    #[inline]
    #[must_use]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
            depth: self.depth + 1,
        }
    }

    /// The element `index` of the array at `self`.
    #[inline]
    #[must_use]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
            depth: self.depth + 1,
        }
    }

    /// How many segments lead here from the root.
    #[inline]
    #[must_use]
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// The RFC 6901 JSON Pointer of this location, e.g. `/billing_address/0/phone/number`.
    ///
    /// Measures first, then writes root-first into a string of exactly that size: one
    /// allocation, and whole keys are copied at once.
    #[must_use]
    pub fn to_pointer(&self) -> String {
        let mut len = 0usize;
        let mut at = Some(self);
        while let Some(path) = at {
            len += path.segment.encoded_len();
            at = path.parent;
        }
        let mut out = String::with_capacity(len);
        self.write_pointer(&mut out);
        out
    }

    fn write_pointer(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_pointer(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(key) => push_key(out, key),
            Segment::Index(index) => {
                out.push('/');
                let mut digits = [0u8; 20];
                let mut n = index;
                let mut start = digits.len();
                loop {
                    start -= 1;
                    // `n % 10` is below 10: the cast keeps every bit.
                    digits[start] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                for &d in &digits[start..] {
                    out.push(char::from(d));
                }
            }
        }
    }
}

/// Appends `/key` to a JSON Pointer, with `~` and `/` escaped as RFC 6901 says.
pub(crate) fn push_key(out: &mut String, key: &str) {
    out.push('/');
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        for ch in key.chars() {
            match ch {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                other => out.push(other),
            }
        }
    } else {
        out.push_str(key);
    }
}

impl Segment<'_> {
    /// The bytes of `/segment`, escaped.
    fn encoded_len(&self) -> usize {
        match self {
            Segment::Root => 0,
            Segment::Key(key) => {
                1 + key.len() + key.bytes().filter(|&b| b == b'~' || b == b'/').count()
            }
            Segment::Index(index) => 1 + index.checked_ilog10().map_or(1, |d| d as usize + 1),
        }
    }
}
