//! The rules as plain functions, one module per rule (`rules/<rule>.rs`), sharing the helpers
//! in `helpers.rs`. The public corpora under `tests/corpus/<rule>/` run in `corpus.rs`.

#[path = "../support/email_oracle.rs"]
mod email_oracle;
mod helpers;

mod country;
mod email;
mod locale;
mod metadata;
mod phone;
mod timestamp;
mod url;

mod corpus;
