//! `#[derive(CustomerModel)]`: the derive of the `customer-core` crate, which documents the
//! attribute language. Depend on `customer-core`, not on this crate.
//!
//! The macro runs in four phases with a typed model between each: `attr` reads
//! `#[customer(...)]`, `ast` builds the model, `check` looks across attributes, and
//! `expand` writes the code. Every error is collected and reported at its token.
//!
//! Set `CUSTOMER_DEBUG=TypeName` (or `CUSTOMER_DEBUG=1` for every type) while compiling to
//! print the generated code on stderr.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod rules;
#[cfg(test)]
mod ui_messages;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `customer_core::CustomerModel` from `#[customer(...)]` attributes.
#[proc_macro_derive(CustomerModel, attributes(customer))]
pub fn derive_customer_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let output = expand::derive(&input);
    if let Ok(wanted) = std::env::var("CUSTOMER_DEBUG") {
        if wanted == "1" || input.ident == wanted {
            eprintln!("// #[derive(CustomerModel)] for {}\n{output}", input.ident);
        }
    }
    output.into()
}
