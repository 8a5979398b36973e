//! `#[derive(CustomerModel)]`: see the `customer-core` crate for the attribute language.

use proc_macro::TokenStream;

/// Derives `customer_core::CustomerModel` from `#[customer(...)]` attributes.
#[proc_macro_derive(CustomerModel, attributes(customer))]
pub fn derive_customer_model(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}
