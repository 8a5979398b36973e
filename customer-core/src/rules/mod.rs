//! Every rule of the attribute language, usable as a plain function without the derive.
//!
//! Each module has a `check` function returning `Result<(), RuleError>`; the error has the rule's
//! stable code and params and never contains the checked value. The derive only emits calls to
//! these functions.

use std::borrow::Cow;

pub mod bytes;
pub mod country;
pub mod email;
pub mod id;
pub mod length;
pub mod locale;
pub mod metadata;
pub mod one_of;
pub mod pattern;
pub mod phone;
pub mod range;
pub mod required;
pub mod timestamp;
pub mod url;

/// A value the string rules can read as `&str`.
///
/// Implemented for `String`, `str`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`, references
/// to them, and the newtypes that derive `CustomerModel` with a string rule.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be checked by a string rule",
    label = "this field is not text",
    note = "string rules (`email`, `pattern`, `id`, `locale`, `bytes`, `one_of`, `country`, `phone`, `url`, `timestamp`) apply to `String`, `&str`, `Cow<str>`, `Box<str>`, newtypes of them, and `Option` of these; to check every element of a collection, put the rule in `each(...)`: `each(email)`"
)]
pub trait Text {
    /// The text to check.
    fn text(&self) -> &str;
}

impl Text for str {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl Text for String {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl Text for Cow<'_, str> {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl Text for Box<str> {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl Text for std::rc::Rc<str> {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl Text for std::sync::Arc<str> {
    #[inline]
    fn text(&self) -> &str {
        self
    }
}

impl<T: Text + ?Sized> Text for &T {
    #[inline]
    fn text(&self) -> &str {
        (**self).text()
    }
}

/// A value whose length `length(min, max)` can count: characters (Unicode scalar values) for
/// text, items for collections.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length that `length` can count",
    label = "`length` counts characters of text or items of a collection",
    note = "`length` applies to `String`, `&str`, `Cow<str>`, `Vec`, slices, maps and sets, and `Option` of these; use `bytes(min, max)` to count UTF-8 bytes, and `range(min, max)` to bound a number"
)]
pub trait HasLength {
    /// The length as `length` counts it.
    fn length(&self) -> usize;

    /// Cheap bounds `(lower, upper)` of [`HasLength::length`]: when they settle a check, the
    /// exact length is not counted (text: characters are between a quarter of the bytes and
    /// the bytes).
    #[inline]
    fn length_bounds(&self) -> (usize, usize) {
        let n = self.length();
        (n, n)
    }
}

macro_rules! text_length {
    ($($ty:ty),*) => {$(
        impl HasLength for $ty {
            #[inline]
            fn length(&self) -> usize {
                char_count(self)
            }

            #[inline]
            fn length_bounds(&self) -> (usize, usize) {
                (self.len().div_ceil(4), self.len())
            }
        }
    )*};
}
text_length!(
    str,
    String,
    Cow<'_, str>,
    Box<str>,
    std::rc::Rc<str>,
    std::sync::Arc<str>
);

/// Counts Unicode scalar values; ASCII text is counted by its byte length.
#[inline]
#[must_use]
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    #[inline]
    fn length(&self) -> usize {
        (**self).length()
    }
}

impl<T> HasLength for [T] {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T> HasLength for Vec<T> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T, const N: usize> HasLength for [T; N] {
    #[inline]
    fn length(&self) -> usize {
        N
    }
}

impl<T> HasLength for std::collections::VecDeque<T> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<K, V, S> HasLength for std::collections::HashMap<K, V, S> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<K, V> HasLength for std::collections::BTreeMap<K, V> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T, S> HasLength for std::collections::HashSet<T, S> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T> HasLength for std::collections::BTreeSet<T> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}

impl HasLength for serde_json::Map<String, serde_json::Value> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
}
