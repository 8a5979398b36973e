//! The benchmark harness: one process, all implementations interleaved in rounds.
//!
//! ```text
//! cargo run --release --manifest-path benches/Cargo.toml                 # both tables
//! cargo run --release --manifest-path benches/Cargo.toml -- --quick      # fewer rounds
//! cargo run --release --manifest-path benches/Cargo.toml -- --no-metadata
//! benches/target/release/customer-model-benches --callgrind <impl> <case> <n>
//! ```
//!
//! Each round runs one timed batch of every (implementation, input) cell, the implementations
//! in a rotating order; a cell's figure is the median of its rounds' ns per validation. Batches
//! are sized once so that each takes about `BATCH` of wall time. A counting global allocator
//! reports heap allocations per validation (its relaxed atomic add costs the same for everyone;
//! only the implementations that allocate pay it).
//!
//! `--callgrind` runs one warm-up validation and then `bench_loop(impl, case, n)` and nothing
//! else, for `scripts/bench-callgrind.sh`, which counts the instructions inside `bench_loop`.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use customer_core::CustomerModel;
use customer_model_benches::model::Customer;
use customer_model_benches::{bench_loop, hand, inputs, Impl};

#[path = "../../customer-core/tests/support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Wall time of one timed batch.
const BATCH: Duration = Duration::from_millis(4);

/// One named input.
struct Case {
    name: &'static str,
    customer: Customer,
}

fn main_cases() -> Vec<Case> {
    vec![
        Case {
            name: "valid",
            customer: inputs::valid(),
        },
        Case {
            name: "invalid",
            customer: inputs::invalid(),
        },
        Case {
            name: "invalid-all",
            customer: inputs::invalid_all(),
        },
    ]
}

fn metadata_cases() -> Vec<Case> {
    vec![
        Case {
            name: "metadata 1 KB",
            customer: inputs::with_metadata(1024),
        },
        Case {
            name: "metadata 1 MB",
            customer: inputs::with_metadata(1024 * 1024),
        },
        Case {
            name: "metadata 100 MB",
            customer: inputs::with_metadata(100 * 1024 * 1024),
        },
    ]
}

fn case_by_name(name: &str) -> Option<Customer> {
    Some(match name {
        "valid" => inputs::valid(),
        "invalid" => inputs::invalid(),
        "invalid-all" => inputs::invalid_all(),
        // For attributing instructions to rules: the valid customer without one part.
        "valid-nometa" => Customer {
            custom_data: None,
            ..inputs::valid()
        },
        "valid-noaddr" => Customer {
            addresses: Vec::new(),
            ..inputs::valid()
        },
        "valid-noname" => Customer {
            name: None,
            ..inputs::valid()
        },
        "meta-1k" => inputs::with_metadata(1024),
        "meta-1m" => inputs::with_metadata(1024 * 1024),
        "meta-100m" => inputs::with_metadata(100 * 1024 * 1024),
        _ => return None,
    })
}

/// How many violations an implementation reports for `customer`.
fn violations(which: Impl, customer: &Customer) -> usize {
    match which {
        Impl::Hand => hand::validate(customer).err().map_or(0, |e| e.len()),
        Impl::Derive => CustomerModel::validate(customer)
            .err()
            .map_or(0, |e| e.len()),
        Impl::Garde => garde::Validate::validate(customer)
            .err()
            .map_or(0, |e| e.iter().count()),
        Impl::Validator => validator::Validate::validate(customer)
            .err()
            .map_or(0, |e| count_validator(&e)),
        Impl::NaiveToVec => usize::from(!which.run(customer)),
    }
}

fn count_validator(errors: &validator::ValidationErrors) -> usize {
    use validator::ValidationErrorsKind as Kind;
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            Kind::Field(list) => list.len(),
            Kind::Struct(inner) => count_validator(inner),
            Kind::List(items) => items.values().map(|inner| count_validator(inner)).sum(),
        })
        .sum()
}

/// Heap allocations per validation, over `n` validations.
fn allocs_per_run(which: Impl, customer: &Customer, n: u64) -> f64 {
    black_box(which.run(customer));
    let (count, ()) = allocations(|| {
        black_box(bench_loop(which, customer, n));
    });
    count as f64 / n as f64
}

/// One (implementation, input) cell of a table.
struct Cell {
    which: Impl,
    case: usize,
    iters: u64,
    samples: Vec<f64>,
}

/// Runs every cell `rounds` times, interleaved, and returns the cells with their samples.
fn measure(impls: &[Impl], cases: &[Case], rounds: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    for (case, input) in cases.iter().enumerate() {
        for &which in impls {
            // Warm up (lazy regexes, caches) and size the batch.
            black_box(which.run(&input.customer));
            let mut iters = 1u64;
            loop {
                let start = Instant::now();
                black_box(bench_loop(which, &input.customer, iters));
                let took = start.elapsed();
                if took >= BATCH / 4 || iters >= 1 << 30 {
                    let per = took.as_secs_f64() / iters as f64;
                    iters = ((BATCH.as_secs_f64() / per) as u64).max(1);
                    break;
                }
                iters *= 4;
            }
            cells.push(Cell {
                which,
                case,
                iters,
                samples: Vec::with_capacity(rounds),
            });
        }
    }
    let n = cells.len();
    for round in 0..rounds {
        for k in 0..n {
            let cell = &mut cells[(k + round * 7) % n];
            let customer = &cases[cell.case].customer;
            let start = Instant::now();
            black_box(bench_loop(cell.which, customer, cell.iters));
            let took = start.elapsed();
            cell.samples
                .push(took.as_nanos() as f64 / cell.iters as f64);
        }
    }
    cells
}

fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The spread of the samples: (p25, p75) relative to the median, in percent.
fn spread(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n < 4 {
        return 0.0;
    }
    let (q1, q3) = (sorted[n / 4], sorted[(3 * n) / 4]);
    100.0 * (q3 - q1) / median(samples)
}

fn print_table(title: &str, impls: &[Impl], cases: &[Case], cells: &[Cell], alloc_runs: u64) {
    println!("\n### {title}\n");
    println!("| input | implementation | ns/validation | IQR | vs hand-written | vs derive | allocs/validation | violations |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (c, case) in cases.iter().enumerate() {
        let med = |which: Impl| {
            cells
                .iter()
                .find(|cell| cell.case == c && cell.which == which)
                .map_or(f64::NAN, |cell| median(&cell.samples))
        };
        let hand_ns = med(Impl::Hand);
        let derive_ns = med(Impl::Derive);
        for &which in impls {
            let Some(cell) = cells
                .iter()
                .find(|cell| cell.case == c && cell.which == which)
            else {
                continue;
            };
            let ns = median(&cell.samples);
            let runs = alloc_runs.min(cell.iters).max(1);
            println!(
                "| {} | {} | {:.1} | {:.0}% | {:.2}x | {:.2}x | {:.1} | {} |",
                case.name,
                which.name(),
                ns,
                spread(&cell.samples),
                ns / hand_ns,
                ns / derive_ns,
                allocs_per_run(which, &case.customer, runs),
                violations(which, &case.customer),
            );
        }
    }
}

/// The derive and the hand-written code must build the very same report.
fn check_same_reports(cases: &[Case]) -> Result<(), String> {
    for case in cases {
        let ours = CustomerModel::validate(&case.customer);
        let by_hand = hand::validate(&case.customer);
        if ours != by_hand {
            return Err(format!(
                "{}: the derive and the hand-written code disagree:\nderive: {ours:?}\nhand:   {by_hand:?}",
                case.name
            ));
        }
    }
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: customer-model-benches [--quick] [--rounds N] [--no-metadata]\n       \
         customer-model-benches --callgrind <hand|derive|derive-union|garde|validator|naive-to-vec> \
         <valid|invalid|invalid-all|meta-1k|meta-1m|meta-100m|valid-nometa|valid-noaddr|valid-noname> <n>"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--callgrind")
        && args.get(1).map(String::as_str) == Some("derive-union")
    {
        // The same customer as the struct variant of a union (`union::Party::Customer`).
        let (Some(customer), Some(n)) = (
            args.get(2).and_then(|a| case_by_name(a)),
            args.get(3).and_then(|a| a.parse::<u64>().ok()),
        ) else {
            return usage();
        };
        let party = customer_model_benches::union::Party::from(customer);
        black_box(CustomerModel::validate(&party).is_ok());
        let valid = customer_model_benches::bench_loop_union(&party, n);
        println!("{n} validations, {valid} valid");
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("--callgrind") {
        let (Some(which), Some(customer), Some(n)) = (
            args.get(1).and_then(|a| Impl::parse(a)),
            args.get(2).and_then(|a| case_by_name(a)),
            args.get(3).and_then(|a| a.parse::<u64>().ok()),
        ) else {
            return usage();
        };
        // Warm-up outside the measured function: lazy regexes are compiled here.
        black_box(which.run(&customer));
        let valid = bench_loop(which, &customer, n);
        println!("{} validations, {valid} valid", n);
        return ExitCode::SUCCESS;
    }
    let mut rounds = 31;
    let mut metadata = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quick" => rounds = 7,
            "--no-metadata" => metadata = false,
            "--rounds" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => rounds = n,
                None => return usage(),
            },
            _ => return usage(),
        }
    }

    let cases = main_cases();
    if let Err(message) = check_same_reports(&cases) {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    println!("customer-model benchmark: {rounds} interleaved rounds, batches of ~{BATCH:?}, median ns per validation");
    println!("(the derive and the hand-written code were checked to build identical reports)");
    let cells = measure(&Impl::MAIN, &cases, rounds);
    print_table(
        "Validation of one customer",
        &Impl::MAIN,
        &cases,
        &cells,
        1000,
    );

    if metadata {
        let cases = metadata_cases();
        if let Err(message) = check_same_reports(&cases) {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
        let impls = [
            Impl::Hand,
            Impl::Derive,
            Impl::Garde,
            Impl::Validator,
            Impl::NaiveToVec,
        ];
        let cells = measure(&impls, &cases, rounds.min(11));
        print_table(
            "Metadata size check (limit 1024 bytes; 1 MB and 100 MB are refused)",
            &impls,
            &cases,
            &cells,
            100,
        );
    }
    ExitCode::SUCCESS
}
