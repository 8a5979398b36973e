//! `#[derive(CustomerModel)]`: the derive of the `customer-core` crate, which documents the
//! attribute language. Depend on `customer-core`, not on this crate.
//!
//! The macro runs in four phases with a typed model between each: `attr` reads
//! `#[customer(...)]`, `ast` builds the model, `check` looks across attributes, and
//! `expand` writes the code. Every error is collected and reported at its token.
//!
//! The phases read the rules only through the rule table (`rules`): each rule is one module
//! there (how it is read, where it may go, the bound it needs, its check and its JSON Schema
//! keywords) and one line of the table, so adding a rule touches exactly three places: its
//! runtime module in customer-core, its module here and its line in the table.
//!
//! The modules import downward only, in this order from the bottom: `trees` (token sequences
//! interpolated tree by tree), `ctxt` (diagnostics),
//! `attr::parse` (argument parsing), `schema::cx` (what a rule's schema keywords are written
//! with), `rules::kind` (the rule trait and its emission context), the rule modules, the rule
//! table (`rules`), `attr`, `ast`, then `check`, `expand::tokens` and the other leaves of
//! emission, `second_read`, `expand::validate`, `shape`, `schema`, and `expand`, which drives
//! them. `scripts/derive-imports.py --check` (run by CI) fails on any import cycle.
//!
//! An enum whose variants carry data (a tagged union) is validated by a `match self`
//! (`expand::validate::expand_enum`): each variant's fields run the rules struct fields run, and
//! report at the pointer serde reads them from. The second read (`shape`) and the JSON Schema
//! (`schema`) follow the same pointers:
//!
//! | representation | struct variant field | tuple variant element | newtype variant |
//! | --- | --- | --- | --- |
//! | externally tagged (default) | `/<variant>/<field>` | `/<variant>/<i>` | `/<variant>` (a model's pointers below it) |
//! | internally tagged `#[serde(tag = "t")]` | `/<field>` | (serde refuses) | the model's own pointers, at the enum's level |
//! | adjacently tagged (`tag` + `content = "c"`) | `/c/<field>` | `/c/<i>` | `/c` |
//! | untagged (the enum, or an `#[serde(untagged)]` variant) | `/<field>` | `/<i>` | the enum's own pointer |
//!
//! Wire names follow serde: `rename` and the enum's `rename_all` name the variants, a variant's
//! `rename_all` (else the enum's `rename_all_fields`) and `rename` name the fields. A value read
//! under an `alias` is reported under the canonical name. `#[customer(...)]` on a newtype variant
//! is said of its one field (`ast`).
//!
//! Set `CUSTOMER_DEBUG=TypeName` (or `CUSTOMER_DEBUG=1` for every type) while compiling to
//! print the generated code on stderr. Cargo caches a crate's compiled output and replays the
//! messages of the last build, but a macro's own `eprintln!` is not among them, and the variable
//! is not tracked: to see an expansion again, make the crate rebuild (`touch src/lib.rs`, or
//! `cargo clean -p your-crate`) with the variable set.

mod ast;
mod attr;
#[cfg(test)]
mod bench;
mod check;
mod ctxt;
mod expand;
#[cfg(test)]
mod expanded;
mod rules;
mod schema;
mod second_read;
mod shape;
mod trees;
#[cfg(test)]
mod ui_messages;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `customer_core::CustomerModel` from `#[customer(...)]` attributes.
///
/// Depend on `customer-core` and use it as `customer_core::CustomerModel`; the rules are
/// documented there, with examples. The attribute language in one table:
///
/// | where | key | meaning |
/// | --- | --- | --- |
/// | field | `email`, `email(max = 254)`, `email(ascii)`, `email(quoted)` | an email address as a sign-up form takes it, 1..=320 characters (or `max`); `ascii`: ASCII only; `quoted`: a quoted local part too |
/// | field | `pattern = "^[a-z]+$"` | the whole value matches; checked while compiling; `\d \w \s` are ASCII |
/// | field | `id(prefix = "ctm_", chars = "a-z0-9", len = 26)` | a typed ID; `min_len` / `max_len` instead of `len` |
/// | field | `locale`, `locale(short)` | an RFC 5646 language tag; `short`: language(-Script)(-REGION) |
/// | field | `metadata`, `metadata(max_bytes = 1024)`, `metadata(json_string)` | compact JSON of at most N bytes |
/// | field | `length(min = 1, max = 64)` | characters of text, items of collections (not a fixed-size array: a compile error) |
/// | field | `bytes(min = 1, max = 64)` | UTF-8 bytes of text |
/// | field | `one_of("a", "b")` | one of a closed list |
/// | field | `country`, `phone`, `url`, `timestamp` | ISO 3166-1 alpha-2, E.164, absolute http(s) URL, RFC 3339 |
/// | field | `range(min = 1, max = 10)` | a number within inclusive bounds (any expression; on text a compile error naming `length`) |
/// | field | `each(rule, …)` | the rules applied to every element, reported at `/field/N` |
/// | field | `nested` | the field's type is a model (through `Option`, `Vec`, `Box`, maps…); a field whose type is a model with rules, or names a type parameter, must say `nested` or `skip_nested` |
/// | field | `required` | an `Option` that must be `Some` (a `Patch` that must not be `Null`) |
/// | field | `custom = path` | `fn(&T) -> Result<(), RuleError>` (`fn(&T, &C)` with `context(C)`) |
/// | field | `message = "…"`, `code = "…"` | override the message (the same text in every language; for a text per language give a `code` and its message in the application's `.ftl` files) or code of the field's rules |
/// | field | `skip` | neither validated nor mapped by conversions |
/// | field | `skip_conversion` | validated, but not mapped by conversions |
/// | field | `skip_nested` | the model inside is left unvalidated on purpose (the field's other rules run); on a type holding no model with rules, a compile error |
/// | field | `maps_to = "…"`, `with = path`, `default` | shape the container's conversions: the other type's field, a conversion function, `Default` in `from` / `try_from` (`rename` is refused: JSON keys are `#[serde(rename)]`) |
/// | container | `crate = path` | where the runtime is (default `::customer_core`) |
/// | container | `check = path` | `fn(&Self) -> Result<(), RuleError>`, reported at the struct, or `-> Result<(), ValidationErrors>` with pointers relative to it (`fn(&Self, &C)` with `context(C)`); may be listed several times |
/// | container | `context(C)` | the validation context: `validate_with(&ctx)`; rule arguments read `ctx` |
/// | container | `from = T`, `into = T`, `try_from = T`, `try_into = T` | field-mapped conversions |
/// | newtype | any field rule, `message`, `code` | a parsed newtype: `#[customer(email)] struct Email(String);` |
/// | enum variant | `other` | the catch-all `Other(String)` variant of a field-less enum |
/// | variant field | any field rule, `nested`, `skip_nested`, `skip` | an enum whose variants carry data: the rules of a struct variant's fields and of a tuple variant's elements, at the pointers serde reads them from |
/// | newtype variant | any field rule, `nested`, `skip_nested` | said of its one field (`#[customer(nested)] Business(Company)`) |
///
/// The numbers of `length`, `bytes`, `metadata(max_bytes)` and `email(max)` are literals or
/// expressions of type `usize` (`ctx.name_max`). Rules on `Option<T>` (and `Patch<T>`) fields
/// check the value when there is one. Every misuse
/// is a compile error at the offending token, with a hint.
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
