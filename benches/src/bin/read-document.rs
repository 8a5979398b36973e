//! Reading one document, JSON text to a model, for the reading table of
//! `scripts/bench-callgrind.sh`: serde alone (`serde_json::from_str::<Customer>`, no rule) against
//! `Valid::<Customer>::from_json` (serde, then the rules; a document that does not read is read a
//! second time for every violation); and `Api::Paddle.decode` of a real Paddle notification (an
//! enum on `event_type`, `providers::paddle::Notification`).
//!
//! ```text
//! benches/target/release/read-document <serde|valid> <valid|invalid|wrong-types> <n>
//! benches/target/release/read-document paddle notification <n>
//! ```
//!
//! A binary of its own: in the harness binary, `Valid::from_json` would be a second caller of
//! the model's `validate()` and change how the validation table's program is optimized.

use std::hint::black_box;
use std::process::ExitCode;

use customer_core::providers::Api;
use customer_core::Valid;
use customer_model_benches::inputs;
use customer_model_benches::model::Customer;

/// How a document is read.
#[derive(Clone, Copy)]
enum Read {
    Serde,
    Valid,
    /// `Api::Paddle.decode`, to the canonical customer.
    Paddle,
}

impl Read {
    /// Reads `json` once; `true` when it read (and, for `Valid`, was valid).
    #[inline(never)]
    fn run(self, json: &str) -> bool {
        let json = black_box(json);
        let ok = match self {
            Read::Serde => serde_json::from_str::<Customer>(json).is_ok(),
            Read::Valid => Valid::<Customer>::from_json(json).is_ok(),
            Read::Paddle => Api::Paddle.decode(json).is_ok(),
        };
        black_box(ok)
    }
}

/// Reads `json` `n` times: the function callgrind's `--toggle-collect` measures.
#[inline(never)]
fn read_loop(which: Read, json: &str, n: u64) -> u64 {
    let mut ok = 0;
    for _ in 0..n {
        ok += u64::from(which.run(json));
    }
    ok
}

/// The JSON text of a case: the valid customer; the customer that breaks two rules (it reads,
/// the rules refuse it); the valid customer with three values of the wrong JSON type (it does not
/// read: the second read reports them all).
fn document(name: &str) -> Option<String> {
    let text = |customer: &Customer| serde_json::to_string(customer).ok();
    match name {
        "valid" => text(&inputs::valid()),
        "invalid" => text(&inputs::invalid()),
        "wrong-types" => {
            let mut value = serde_json::to_value(inputs::valid()).ok()?;
            value["email"] = serde_json::json!(7);
            value["name"] = serde_json::json!(["Jo"]);
            value["addresses"][0]["postal_code"] = serde_json::json!(true);
            Some(value.to_string())
        }
        // A `customer.updated` notification from Paddle's Node SDK (see the fixtures' manifest).
        "notification" => Some(
            include_str!(
                "../../../customer-core/tests/fixtures/real/paddle/node_customer_updated.json"
            )
            .to_owned(),
        ),
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = match args.first().map(String::as_str) {
        Some("serde") => Some(Read::Serde),
        Some("valid") => Some(Read::Valid),
        Some("paddle") => Some(Read::Paddle),
        _ => None,
    };
    let (Some(which), Some(json), Some(n)) = (
        which,
        args.get(1).and_then(|a| document(a)),
        args.get(2).and_then(|a| a.parse::<u64>().ok()),
    ) else {
        eprintln!(
            "usage: read-document <serde|valid> <valid|invalid|wrong-types> <n>, or read-document paddle notification <n>"
        );
        return ExitCode::from(2);
    };
    // Warm-up outside the measured function: lazy regexes are compiled here.
    black_box(which.run(&json));
    let ok = read_loop(which, &json, n);
    println!("{n} reads, {ok} valid");
    ExitCode::SUCCESS
}
