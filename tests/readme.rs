//! The README names what the repository offers: every option of the `customer-model` tool and
//! every fuzz target. A user reads the README, not `--help` or `fuzz/Cargo.toml`, so an option or
//! a target left out of it is one nobody finds.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_customer-model");

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The long options `customer-model [SUBCOMMAND] --help` lists (`--help` and `--version` left
/// out): the lines of its options table start with `-x, --name` or `--name`.
fn long_options(args: &[&str]) -> Vec<String> {
    let out = Command::new(BIN).args(args).arg("--help").output().unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let line = match line.strip_prefix('-') {
                Some(rest) if !rest.starts_with('-') => rest.get(3..)?.trim_start(),
                _ => line,
            };
            let name = line.strip_prefix("--")?;
            let name: String = name
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            (!name.is_empty() && name != "help" && name != "version").then(|| format!("--{name}"))
        })
        .collect()
}

/// Whether `text` holds `option` as a whole word (`--to`, not only `--token`).
fn names(text: &str, option: &str) -> bool {
    text.match_indices(option).any(|(at, _)| {
        !text[at + option.len()..]
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

#[test]
fn every_option_of_the_tool_is_in_the_readme() {
    let readme = readme();
    let mut checked = 0;
    for args in [&[][..], &["check"], &["convert"], &["schema"]] {
        for option in long_options(args) {
            assert!(
                names(&readme, &option),
                "`customer-model {} {option}` is not in README.md",
                args.join(" ")
            );
            checked += 1;
        }
    }
    // The parse above found the options (`check` alone has eight).
    assert!(checked > 15, "{checked} options found in --help");
}

#[test]
fn every_fuzz_target_is_in_the_readme() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml"))
            .unwrap();
    let readme = readme();
    // Each target is a `[[bin]]` whose `name = "..."` follows it.
    let targets: Vec<&str> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|bin| {
            let name = bin.lines().find_map(|l| l.trim().strip_prefix("name = "))?;
            Some(name.trim_matches('"'))
        })
        .collect();
    assert!(targets.len() > 5, "{targets:?}");
    for target in targets {
        assert!(
            readme.contains(&format!("| `{target}`")) || readme.contains(&format!(", `{target}`")),
            "fuzz target `{target}` has no row in README.md's fuzzing table"
        );
    }
}
