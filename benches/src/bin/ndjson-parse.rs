//! The baseline for `customer-model check` throughput: read an NDJSON file line by line (one
//! reused buffer, as the CLI does) and parse each line with serde_json into a `Value`, nothing
//! more. Prints the number of documents parsed.

use std::io::BufRead;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ndjson-parse FILE");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    let (mut parsed, mut failed) = (0u64, 0u64);
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => match serde_json::from_str::<serde_json::Value>(line.trim_end()) {
                Ok(value) => {
                    std::hint::black_box(value);
                    parsed += 1;
                }
                Err(_) => failed += 1,
            },
            Err(error) => {
                eprintln!("{path}: {error}");
                std::process::exit(2);
            }
        }
    }
    println!("{parsed} parsed, {failed} not JSON");
}
