//! The table of providers: the [`Provider`] trait each API's module implements, and the one
//! line per API ([`providers!`]) from which [`Api`](super::Api), `Api::ALL`, the names, parsing
//! and every dispatch are generated.
//!
//! Adding an API takes its module (its models and a `Provider` impl), one line in
//! [`providers!`], its fixtures and its docs.

use super::{Document, Report};
use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::{Customer, CustomerPatch, Error, Page};

/// What one API's module provides: its names, the shapes it reads for each operation (with its
/// rules, by its annotated models), how they map to and from [`Customer`], its schema, its error
/// body and its webhook events. An operation the API does not have keeps the default, which says
/// so ([`has_no`]).
pub(crate) trait Provider {
    /// The lowercase name (`mollie`), used by `FromStr`, `Display`, the CLI and the server.
    const NAME: &'static str;
    /// The name as people write it (`Mollie`), for messages.
    const TITLE: &'static str;
    /// The event types of the API's customer webhooks that [`Provider::decode`] reads.
    const WEBHOOK_EVENTS: &'static [&'static str] = &[];
    /// The pointer of the customers array in a list page (`/data`).
    const LIST_ITEMS: &'static str = "/data";

    /// The JSON text of a request or response body as the API sends it: the body itself for a
    /// JSON API (the default); Stripe's form-encoded requests become the JSON of their tree.
    fn text(text: &str) -> Result<std::borrow::Cow<'_, str>, Error> {
        Ok(std::borrow::Cow::Borrowed(text))
    }

    /// Reads any customer shape of the API into a [`Customer`].
    fn decode(document: &Document<'_>) -> Result<Customer, Error>;

    /// Validates as [`Provider::decode`] does, building nothing.
    fn check(document: &Document<'_>) -> Result<(), Error>;

    /// The create-customer request body (`None` when it could not be written), with what the
    /// API cannot hold in `report`.
    fn encode(customer: &Customer, report: &mut Report) -> Option<String>;

    /// Reads the update-customer request body.
    fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
        let _ = document;
        Err(has_no(Self::TITLE, Missing::Update))
    }

    /// The update-customer request body; `Err` when the API has none.
    fn encode_update(patch: &CustomerPatch, report: &mut Report) -> Result<Option<String>, Error> {
        let _ = (patch, report);
        Err(has_no(Self::TITLE, Missing::Update))
    }

    /// Reads one page of the list of customers.
    fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
        let _ = document;
        Err(has_no(Self::TITLE, Missing::List))
    }

    /// Reads the API's error response into a report.
    fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
        let _ = document;
        Err(has_no(Self::TITLE, Missing::ErrorResponse))
    }

    /// The schemas of the shapes [`Provider::decode`] reads.
    #[cfg(feature = "schemars")]
    fn shapes(generator: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema>;

    /// The schema of the update-customer body, when the API has one.
    #[cfg(feature = "schemars")]
    fn update_shape(generator: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        let _ = generator;
        None
    }
}

/// A request or response an API does not have.
#[derive(Clone, Copy)]
pub(crate) enum Missing {
    Update,
    List,
    ErrorResponse,
}

/// The error of a shape the API `title` does not have.
pub(crate) fn has_no(title: &'static str, missing: Missing) -> Error {
    // One template per shape, so that each has its own translation.
    let (template, what) = match missing {
        Missing::Update => (
            "{api} has no update-customer request",
            "update-customer request",
        ),
        Missing::List => (
            "{api} has no list-customers response",
            "list-customers response",
        ),
        Missing::ErrorResponse => (
            "{api} has no documented error response",
            "documented error response",
        ),
    };
    Error::Unrepresentable(ValidationErrors::from(Violation::new(
        "",
        RuleError::new(crate::codes::UNSUPPORTED, template)
            .with_param("api", Param::Str(title.into()))
            .with_param("what", Param::Str(what.into())),
    )))
}

/// **The table of providers**: one line per API, `Variant = module::Provider`, with the
/// variant's documentation. `providers!(m!(args))` calls `m!{ (args) <the lines> }`.
macro_rules! providers {
    ($m:ident!($($args:tt)*)) => {
        $m! { ($($args)*)
            /// Mollie customers (seeds 000, 001).
            Mollie = mollie::Mollie,
            /// Tazapay customers (seed 002).
            Tazapay = tazapay::Tazapay,
            /// Paddle Billing customers (seed 003).
            Paddle = paddle::Paddle,
            /// The `CreateCustomer` body of seed 004.
            Legit = legit::Legit,
            /// Stripe customers (API reference and OpenAPI document).
            Stripe = stripe::Stripe,
        }
    };
}

/// `dispatch!(api, P => expr)`: `expr` with `P` the provider of `api`.
macro_rules! dispatch {
    ($api:expr, $p:ident => $body:expr) => {
        $crate::providers::provider::providers!(dispatch_table!($api, $p => $body))
    };
}

/// The `match` of [`dispatch!`], one arm per line of the table.
macro_rules! dispatch_table {
    (($api:expr, $p:ident => $body:expr) $($(#[$doc:meta])* $variant:ident = $module:ident::$provider:ident,)*) => {
        match $api {
            $(Api::$variant => {
                #[allow(unused_imports)]
                use $crate::providers::provider::Provider as _;
                type $p = $crate::providers::$module::$provider;
                $body
            })*
        }
    };
}

/// The `Api` enum and `Api::ALL`, from the table.
macro_rules! api_enum {
    (() $($(#[$doc:meta])* $variant:ident = $module:ident::$provider:ident,)*) => {
        /// The APIs whose customer shapes are modelled, named by their lowercase names.
        ///
        /// `#[non_exhaustive]`: APIs are added; iterate [`Api::ALL`] rather than match.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Api {
            $($(#[$doc])* $variant,)*
        }

        impl Api {
            /// Every API, in a stable order.
            pub const ALL: [Api; [$(stringify!($variant)),*].len()] = [$(Api::$variant),*];
        }
    };
}

pub(crate) use {api_enum, dispatch, dispatch_table, providers};
