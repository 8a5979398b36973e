#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

// The models in `providers` derive `CustomerModel`, whose output names `::customer_core`.
extern crate self as customer_core;

mod at;
pub mod codes;
pub mod error;
#[cfg(feature = "i18n")]
#[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
pub mod i18n;
pub mod json;
mod model;
mod patch;
mod path;
mod reread;
pub mod rules;
mod shape;
mod valid;

pub mod customer;
pub mod providers;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;

#[cfg(feature = "schemars")]
pub mod schema;

#[cfg(feature = "webhooks")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhooks")))]
pub mod webhooks;

#[doc(hidden)]
pub mod __private;

pub use customer::{Address, Customer, CustomerPatch, Mode, Page, Phone, Status};
pub use customer_derive::CustomerModel;
pub use error::{Error, Param, Path, RuleError, ValidationErrors, Violation};
pub use model::{CustomerModel, CustomerModelWith, ModelContext, NoContext};
pub use patch::Patch;
pub use valid::{FromJson, FromJsonPlain, Valid};

/// The repository's README, whose examples are tested as doctests here.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct WorkspaceReadme;
