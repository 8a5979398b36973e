//! The side-by-side benchmark of issue 5: the same Paddle-like customer validated by our derive,
//! by hand-written code, by garde and by validator. `src/main.rs` is the harness.

pub mod hand;
pub mod inputs;
pub mod model;
pub mod union;

use std::hint::black_box;

use customer_core::CustomerModel;

use crate::model::Customer;

/// One implementation of the same checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impl {
    /// Hand-written optimized code ([`hand`]).
    Hand,
    /// `#[derive(CustomerModel)]`.
    Derive,
    /// `#[derive(garde::Validate)]`.
    Garde,
    /// `#[derive(validator::Validate)]`.
    Validator,
    /// Only for the metadata rows: `serde_json::to_vec(&metadata)?.len() <= 1024`, what a
    /// `custom` function usually does.
    NaiveToVec,
}

impl Impl {
    /// The four implementations of the main table, hand-written first.
    pub const MAIN: [Impl; 4] = [Impl::Hand, Impl::Derive, Impl::Garde, Impl::Validator];

    /// The name used on the command line and in the tables.
    pub fn name(self) -> &'static str {
        match self {
            Impl::Hand => "hand",
            Impl::Derive => "derive",
            Impl::Garde => "garde",
            Impl::Validator => "validator",
            Impl::NaiveToVec => "naive-to-vec",
        }
    }

    /// Parses [`Impl::name`].
    pub fn parse(name: &str) -> Option<Impl> {
        [
            Impl::Hand,
            Impl::Derive,
            Impl::Garde,
            Impl::Validator,
            Impl::NaiveToVec,
        ]
        .into_iter()
        .find(|i| i.name() == name)
    }

    /// Validates `customer` once; `true` when valid. The error report is built and dropped
    /// inside, as a request handler would.
    #[inline(never)]
    pub fn run(self, customer: &Customer) -> bool {
        let customer = black_box(customer);
        let ok = match self {
            Impl::Hand => hand::validate(customer).is_ok(),
            Impl::Derive => CustomerModel::validate(customer).is_ok(),
            Impl::Garde => garde::Validate::validate(customer).is_ok(),
            Impl::Validator => validator::Validate::validate(customer).is_ok(),
            Impl::NaiveToVec => match &customer.custom_data {
                Some(data) => serde_json::to_vec(data)
                    .map(|bytes| bytes.len() <= model::METADATA_MAX_BYTES)
                    .unwrap_or(false),
                None => true,
            },
        };
        black_box(ok)
    }
}

/// Runs `n` validations; the function callgrind's `--toggle-collect` measures.
#[inline(never)]
pub fn bench_loop(which: Impl, customer: &Customer, n: u64) -> u64 {
    let mut valid = 0;
    for _ in 0..n {
        valid += u64::from(which.run(customer));
    }
    valid
}

/// Runs `n` validations of a union; measured as [`bench_loop`] is (its name matches the same
/// `--toggle-collect` pattern), to compare a valid union with the same variant as a struct.
#[inline(never)]
pub fn bench_loop_union(party: &union::Party, n: u64) -> u64 {
    let mut valid = 0;
    for _ in 0..n {
        let party = black_box(party);
        valid += u64::from(black_box(CustomerModel::validate(party).is_ok()));
    }
    valid
}
