//! The report's cap on arbitrary bytes: the first byte picks a cap from 0 to 7, the rest is the
//! document, read by `Valid::from_slice` under that cap and with none, for a model whose
//! violations come from arrays, maps, unknown members, nested models and `each` rules (where the
//! second read counts past the cap without building). Beyond not panicking:
//! - a report within the cap is the uncapped report itself;
//! - past it, the first `max` violations of the uncapped report, then one `too_many_violations`
//!   at `""` whose `count` is the uncapped report's length and `max` the cap;
//! - the same verdict either way (read or refused, syntax or shape).

#![no_main]

use std::collections::BTreeMap;

use customer_core::json::MaxViolations;
use customer_core::{CustomerModel, Error, Param, Valid};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    #[customer(length(max = 3))]
    name: String,
    #[serde(default)]
    qty: Option<u8>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Doc {
    #[customer(length(max = 4))]
    #[serde(default)]
    label: Option<String>,
    #[customer(each(length(max = 2)))]
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    scores: BTreeMap<String, u8>,
    #[customer(nested)]
    #[serde(default)]
    items: Vec<Item>,
    #[customer(nested)]
    #[serde(default)]
    main: Option<Item>,
}

fn read(json: &[u8], max: MaxViolations) -> Result<(), Error> {
    max.scope(|| Valid::<Doc>::from_slice(json)).map(drop)
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, json)) = data.split_first() else {
        return;
    };
    let max = usize::from(first % 8);
    let all = read(json, MaxViolations::UNLIMITED);
    let capped = read(json, MaxViolations(max));
    match (all, capped) {
        (Ok(()), Ok(())) => {}
        (Err(Error::Syntax(a)), Err(Error::Syntax(c))) => assert_eq!(a, c),
        (Err(Error::Invalid(all)), Err(Error::Invalid(capped))) => {
            let (all, capped) = (all.violations(), capped.violations());
            if all.len() <= max {
                assert_eq!(capped, all);
            } else {
                assert_eq!(capped.len(), max + 1);
                assert_eq!(&capped[..max], &all[..max]);
                let last = &capped[max];
                assert_eq!((last.pointer(), last.code()), ("", "too_many_violations"));
                let params: Vec<(&str, &Param)> = last.params().collect();
                assert_eq!(
                    params,
                    [
                        ("count", &Param::UInt(all.len() as u64)),
                        ("max", &Param::UInt(max as u64))
                    ]
                );
            }
        }
        (all, capped) => panic!("another verdict under the cap: {all:?} / {capped:?}"),
    }
});
