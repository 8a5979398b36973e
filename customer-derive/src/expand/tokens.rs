//! The tokens every emitting module shares: the anonymous constant the output is wrapped in and
//! the lints it allows, a field's `Path`, an optional string. Imports nothing of the derive but
//! the model (`ast`), so that every phase may use it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Field, Wire};
use crate::trees::{Moved, Trees};

/// The lints the generated code trips, each for a reason; nothing else is allowed. rustc and
/// clippy do not lint what a macro of another crate expanded, so this list is kept honest by
/// `tests/derive_expanded.rs`: the committed expansion of known models, linted as ordinary code
/// under `deny(warnings, clippy::pedantic)` (see `expanded.rs`).
pub(crate) const ALLOWED_LINTS: &[&str] = &[
    // Impls repeat the container's generics as declared, named lifetimes included.
    "clippy::elidable_lifetime_names",
    // `validate_into` holds one block per field: long for wide structs, flat and linear.
    "clippy::too_many_lines",
    // The `metadata` rule picks its check by autoref, which needs the explicit borrow.
    "clippy::needless_borrow",
    // The runtime crate is named through its alias (`__cm::__private::…`) at every step: where
    // the model's module imports the same item, the path looks redundant.
    "unused_qualifications",
    // The probe traits (dispatch by autoref) are imported nameless (`use …::via_read::*`) for a
    // whole walk or block, whatever its fields' types turn out to need.
    "unused_imports",
];

/// Allowed besides [`ALLOWED_LINTS`] where the output has rules functions
/// (`validate::has_rules_fns`): each is inlined always, so that `validate_into` runs as it did
/// with the rules written in it (callgrind, the valid row), and takes its field's value by
/// reference whatever its type (`&String`, `&Option<String>`, `&u32`), as the second read's table
/// holds it (`Ruled`).
pub(crate) const RULES_FNS_LINTS: &[&str] = &[
    "clippy::inline_always",
    "clippy::ptr_arg",
    "clippy::ref_option",
    "clippy::trivially_copy_pass_by_ref",
];

/// Wraps the output in an anonymous constant, allowing only [`ALLOWED_LINTS`] (and
/// [`RULES_FNS_LINTS`] with `rules_fns`): rustc's own lints always, clippy's under
/// [`clippy_allows`].
pub(crate) fn wrap(body: TokenStream, rules_fns: bool) -> TokenStream {
    let extra = if rules_fns { RULES_FNS_LINTS } else { &[] };
    let (clippy, rustc): (Vec<&str>, Vec<&str>) = ALLOWED_LINTS
        .iter()
        .chain(extra)
        .partition(|lint| lint.starts_with("clippy::"));
    let rustc = rustc.into_iter().map(lint_path);
    let clippy = clippy_allows(&clippy);
    let body = Moved::new(body);
    quote! {
        #[doc(hidden)]
        #[allow(#(#rustc),*)]
        #clippy
        const _: () = {
            #body
        };
    }
}

/// `#[cfg_attr(clippy, allow(…))]` for clippy's `lints` (each `clippy::name`). rustc checks every
/// name of an `allow` for each item under it, and a tool's lint name it does not know costs it a
/// lookup that fails: in the incremental rebuild of 51 bench models, the two clippy `allow`s of
/// each model were 26M instructions of 1.376G (`scripts/bench-items.sh`, variant
/// `clippy_cfg_attr`). Under clippy (`cfg(clippy)`) the same `allow` is there, so
/// `tests/derive_expanded.rs` still judges it.
pub(crate) fn clippy_allows(lints: &[&str]) -> TokenStream {
    if lints.is_empty() {
        return TokenStream::new();
    }
    let lints = lints.iter().copied().map(lint_path);
    quote!(#[cfg_attr(clippy, allow(#(#lints),*))])
}

/// A lint's name as the path it is (`clippy::too_many_lines`), made of identifiers rather than
/// parsed from its text (inside rustc, text is lexed as a source file of its own).
fn lint_path(lint: &str) -> Trees {
    let mut names = lint.split("::");
    let first = names.next().unwrap_or_default();
    names.fold(
        Trees::ident(proc_macro2::Ident::new(
            first,
            proc_macro2::Span::call_site(),
        )),
        |path, name| path.join(name),
    )
}

/// The `Path` of a field's value (`parent` is an expression of type `&Path`): below `parent` at
/// its place on the wire, or `parent` itself for the field a `#[serde(transparent)]` struct is
/// read as (its other fields are not on the wire).
pub(crate) fn field_path(
    container: &Container,
    field: &Field,
    parent: &TokenStream,
) -> TokenStream {
    if container.serde.transparent {
        // Not `*parent`: the caller borrows it, and `&*parent` trips `clippy::borrow_deref_ref`.
        quote!(::core::clone::Clone::clone(#parent))
    } else {
        wire_path(&container.krate, &field.wire, parent)
    }
}

/// The `Path` of a field below `parent` (an expression of type `&Path`).
pub(crate) fn wire_path(krate: &Trees, wire: &Wire, parent: &TokenStream) -> TokenStream {
    match wire {
        Wire::Key(key) => quote!(#krate::Path::key(#parent, #key)),
        Wire::Index(index) => quote!(#krate::Path::index(#parent, #index)),
        Wire::Same => quote!(*#parent),
    }
}
