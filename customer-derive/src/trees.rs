//! Short token sequences the emitters name at almost every step (the runtime crate's alias and
//! the paths below it), held as token trees rather than as a `TokenStream`.
//!
//! Inside rustc, `#stream` in a `quote!` is a few calls across the proc-macro bridge (the stream
//! being built is flushed to the compiler, the interpolated one too, then the two are joined),
//! about as costly as pushing ten tokens; `#trees` pushes its trees onto the stream being built,
//! which stays on the macro's side. `callgrind` of rustc expanding the models of
//! `scripts/bench-compile.sh` (`scripts/bench-derive.sh`) measures the difference. Imports nothing
//! of the derive, so that every module may use it.

use std::cell::{Cell, OnceCell};
use std::ops::Deref;

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// Tokens interpolated tree by tree; a `&TokenStream` of the same tokens on demand (built once).
#[derive(Clone)]
pub(crate) struct Trees {
    trees: Vec<TokenTree>,
    stream: OnceCell<TokenStream>,
}

impl Trees {
    /// The trees of `stream` (one walk of it, when the sequence is made).
    pub(crate) fn from_stream(stream: TokenStream) -> Trees {
        Trees {
            trees: stream.clone().into_iter().collect(),
            stream: OnceCell::from(stream),
        }
    }

    /// These trees.
    pub(crate) fn from_trees(trees: Vec<TokenTree>) -> Trees {
        Trees {
            trees,
            stream: OnceCell::new(),
        }
    }

    /// The identifier `name`, spanned as `quote!` spans its own tokens (at the call site).
    pub(crate) fn named(name: &str) -> Trees {
        Trees::ident(Ident::new(name, Span::call_site()))
    }

    /// One identifier.
    pub(crate) fn ident(ident: Ident) -> Trees {
        Trees {
            trees: vec![TokenTree::Ident(ident)],
            stream: OnceCell::new(),
        }
    }

    /// `tree` after these trees.
    pub(crate) fn push(&mut self, tree: TokenTree) {
        self.trees.push(tree);
        self.stream = OnceCell::new();
    }

    /// The same trees located at `span` (and resolved as before).
    pub(crate) fn located_at(&self, span: Span) -> Trees {
        let trees = self
            .trees
            .iter()
            .map(|tree| {
                let mut tree = tree.clone();
                tree.set_span(tree.span().located_at(span));
                tree
            })
            .collect();
        Trees::from_trees(trees)
    }

    /// `::name` (the crate `name`), spanned as `quote!` spans its own tokens (at the call site).
    pub(crate) fn root(name: &str) -> Trees {
        Trees::from_trees(Vec::new()).join(name)
    }

    /// `self::name`, spanned as `quote!` spans its own tokens (at the call site).
    pub(crate) fn join(&self, name: &str) -> Trees {
        let span = Span::call_site();
        let mut trees = Vec::with_capacity(self.trees.len() + 3);
        trees.extend(self.trees.iter().cloned());
        let mut joint = Punct::new(':', Spacing::Joint);
        joint.set_span(span);
        let mut alone = Punct::new(':', Spacing::Alone);
        alone.set_span(span);
        trees.push(TokenTree::Punct(joint));
        trees.push(TokenTree::Punct(alone));
        trees.push(TokenTree::Ident(Ident::new(name, span)));
        Trees {
            trees,
            stream: OnceCell::new(),
        }
    }
}

impl From<TokenStream> for Trees {
    fn from(stream: TokenStream) -> Trees {
        Trees::from_stream(stream)
    }
}

impl From<Ident> for Trees {
    fn from(ident: Ident) -> Trees {
        Trees::ident(ident)
    }
}

impl From<proc_macro2::Literal> for Trees {
    fn from(literal: proc_macro2::Literal) -> Trees {
        Trees::from_trees(vec![TokenTree::Literal(literal)])
    }
}

impl ToTokens for Trees {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.trees.iter().cloned());
    }
}

impl Deref for Trees {
    type Target = TokenStream;

    fn deref(&self) -> &TokenStream {
        self.stream
            .get_or_init(|| self.trees.iter().cloned().collect())
    }
}

/// Appending a whole stream, as one stream.
///
/// `stream.extend(other)` takes `other` tree by tree: inside rustc it is flushed to the compiler,
/// read back across the bridge one tree at a time, and sent again with the rest of `stream`.
/// `stream.append_stream(other)` joins the two on the compiler's side in one call. (Quote's
/// `TokenStreamExt::append` appends one tree.)
pub(crate) trait AppendStream {
    /// `other` after these tokens.
    fn append_stream(&mut self, other: TokenStream);
}

impl AppendStream for TokenStream {
    fn append_stream(&mut self, other: TokenStream) {
        self.extend(std::iter::once(other));
    }
}

/// A stream interpolated by value, once: `quote!` borrows what it interpolates, so `#stream`
/// copies it (each tree; inside rustc also a bridge call for each group it holds, and one more
/// for each when the original is dropped), where `#moved` hands the stream itself over.
pub(crate) struct Moved(Cell<Option<TokenStream>>);

impl Moved {
    /// `stream`, to be interpolated once.
    pub(crate) fn new(stream: TokenStream) -> Moved {
        Moved(Cell::new(Some(stream)))
    }
}

impl ToTokens for Moved {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let stream = self.0.take();
        assert!(stream.is_some(), "a `Moved` stream is interpolated once");
        tokens.extend(stream);
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::Trees;

    #[test]
    fn trees_interpolate_as_the_stream_they_stand_for() {
        let alias = Trees::ident(proc_macro2::Ident::new(
            "__cm",
            proc_macro2::Span::call_site(),
        ));
        let private = alias.join("__private");
        let rules = private.join("rules");
        assert_eq!(
            quote!(#rules::length::check(x)).to_string(),
            quote!(__cm::__private::rules::length::check(x)).to_string()
        );
        assert_eq!((*private).to_string(), quote!(__cm::__private).to_string());
        let path = Trees::from_stream(quote!(crate::facade));
        assert_eq!(
            quote!(use #path as x;).to_string(),
            "use crate :: facade as x ;"
        );
        assert_eq!((*path).to_string(), "crate :: facade");
    }
}
