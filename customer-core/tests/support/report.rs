//! Helpers shared by the tests of reports: violations as (pointer, code) pairs, and the check that
//! a type's shape, serde_json and `customer_core::json` agree on which documents read.
//!
//! Included with `#[path = "support/report.rs"] mod report;`; a test binary uses what it needs.
#![allow(dead_code)]

use customer_core::__private::shape::{Node, Report, Shape};
use customer_core::__private::Path;
use customer_core::{json, Error};
use serde::de::DeserializeOwned;

/// The (pointer, code) of every violation of `error`, in order.
pub fn pairs(error: &Error) -> Vec<(String, String)> {
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

/// The (pointer, code) of every violation of a refused read; a panic when it read, or when it
/// failed without a report.
#[track_caller]
pub fn reported<T>(result: Result<T, Error>) -> Vec<(String, String)> {
    match result {
        Ok(_) => panic!("the document was read"),
        Err(Error::Invalid(errors)) => errors
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect(),
        Err(other) => panic!("not a report: {other:?}"),
    }
}

/// `list` as owned pairs, to compare with [`pairs`].
pub fn expect(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

/// Whether the shape accepts `doc`, and whether serde_json and `customer_core::json` read it:
/// all three must agree.
pub fn agrees<T: Shape + DeserializeOwned>(docs: &[&str]) {
    for doc in docs {
        let node: Node = serde_json::from_str(doc).unwrap();
        let mut report = Report::new();
        let shape = T::__shape(&node, &Path::ROOT, &mut report, false);
        assert_eq!(
            shape,
            report.shapes.is_empty(),
            "{doc}: {:?}",
            report.shapes
        );
        let serde = serde_json::from_str::<T>(doc).is_ok();
        let ours = json::from_str::<T>(doc).is_ok();
        assert_eq!((shape, ours), (serde, serde), "{doc}: {:?}", report.shapes);
    }
}
