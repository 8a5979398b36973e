//! This package only carries the quickstart example (`cargo run --example quickstart` at the
//! workspace root). It is a package of its own so that the example builds customer-core and
//! serde, and none of the test-only dependencies of customer-core or of the command-line tool.
