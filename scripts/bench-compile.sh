#!/usr/bin/env bash
# Compile time of 50 derived structs: ours (#[derive(CustomerModel)]) against the same 50 with
# garde's derive, and the same 50 with no validation derive at all (the floor).
#
#   scripts/bench-compile.sh              # dev profile (`cargo build`), 3 timed builds each
#   PROFILE=release RUNS=5 scripts/bench-compile.sh
#   FORM=bare scripts/bench-compile.sh    # the structs alone: no `Deserialize`, no reading call
#   KEEP=/tmp/scratch scripts/bench-compile.sh   # keep the scratch crates there
#   STRUCTS=10 CALLGRIND=1 scripts/bench-compile.sh   # 10 structs; also count rustc's instructions
#   RUNS=0 CALLGRIND=incremental scripts/bench-compile.sh   # only the counts of an incremental rebuild
#
# CALLGRIND=1 (or full) adds the instructions rustc executes for one full (non-incremental) build
# of each scratch crate, counted by `valgrind --tool=callgrind`: unlike the wall times, that figure
# does not move with the machine's load (about 2 minutes per crate of 10 structs).
# CALLGRIND=incremental counts instead the incremental rebuild after a `touch` (the edit loop the
# wall-time table times: the derives run again, rustc re-reads their output and takes the rest
# from its incremental cache; about 1 minute per crate of 50 structs); CALLGRIND=both counts both.
# RUNS=0 skips the timed builds.
#
# By default (FORM=read) the structs are written as an app writes them: each derives serde's
# `Deserialize` beside the validation derive, and each is read once: `Valid::<S>::from_json`
# (ours), `serde_json::from_str` then `validate()` (garde), `serde_json::from_str` (the floor).
# FORM=bare is the form of the figures before issue 23 (the derives alone, nothing read).
#
# Three scratch crates are written to a temp dir. Each is built once so that its dependencies
# are compiled; then only the scratch crate is rebuilt (`touch src/lib.rs; cargo build`), RUNS
# times, one crate after the other in rounds; the median and the fastest wall time are printed
# (the fastest is the better estimate on a busy machine). That rebuild is incremental, as an
# edit-compile loop is: the proc macros run again and rustc reuses most of the rest, so the
# derive's own run time and the size of its output dominate. A second table gives the same
# rebuilds with `CARGO_INCREMENTAL=0` (the whole crate compiled again, as on CI or after
# `cargo clean -p`): there monomorphization and rustc's constant evaluation show. customer-core and customer-derive are
# built from a snapshot copy, so edits in the work tree meanwhile change nothing. Both derives
# check the same rules per struct: an id pattern, an email, a name length, a locale (garde has
# none: a `custom` function), a postal-code length and a nested struct.
#
# Then the size of the expansion: the lines of each crate expanded (`-Zunpretty=expanded`,
# through RUSTC_BOOTSTRAP), and ours and garde's lines beyond the plain crate's, per struct.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile="${PROFILE:-dev}"
runs="${RUNS:-3}"
form="${FORM:-read}"
case "$form" in
    read | bare) ;;
    *) echo "FORM is read (the default) or bare" >&2; exit 2 ;;
esac
structs="${STRUCTS:-50}"
# KEEP=dir keeps the scratch crates there (for `cargo llvm-lines`, `-Zself-profile`, ...).
if [ -n "${KEEP:-}" ]; then
    work="$KEEP"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

profile_flag=()
[ "$profile" = release ] && profile_flag=(--release)

write_crate() {
    local name="$1" deps="$2"
    mkdir -p "$work/$name/src"
    cat >"$work/$name/Cargo.toml" <<TOML
[package]
name = "scratch-$name"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
$deps
TOML
}

# A snapshot of customer-core and customer-derive, so that edits in the work tree during the run
# do not trigger rebuilds of them inside the timed builds.
snap="$work/snapshot"
rm -rf "$snap"
mkdir -p "$snap"
cp -r "$root/customer-core" "$root/customer-derive" "$root/README.md" "$snap/"
rm -rf "$snap/customer-core/target" "$snap/customer-derive/target"
{
    echo '[workspace]'
    echo 'members = ["customer-core", "customer-derive"]'
    echo 'resolver = "2"'
    # The [workspace.package] and [workspace.dependencies] tables of the root manifest.
    awk '/^\[workspace\.(package|dependencies)\]/ { keep = 1; print; next } /^\[/ { keep = 0 } keep' "$root/Cargo.toml"
} >"$snap/Cargo.toml"
[ -f "$root/Cargo.lock" ] && cp "$root/Cargo.lock" "$snap/Cargo.lock"

write_crate ours "customer-core = { path = \"$snap/customer-core\" }"
write_crate garde 'garde = { version = "0.23", default-features = false, features = ["derive", "email", "regex"] }'
write_crate plain ''

# The 50 structs. S0 nests nothing; S<i> nests S<i-1>.
gen() {
    local kind="$1" i de=""
    [ "$form" = read ] && de=", serde::Deserialize"
    case "$kind" in
        ours) echo "use customer_core::CustomerModel;" ;;
        garde) cat <<'RS'
fn check_locale(value: &str, _: &()) -> garde::Result {
    if value.len() >= 2 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(())
    } else {
        Err(garde::Error::new("must be a language tag"))
    }
}
RS
            ;;
    esac
    for ((i = 0; i < structs; i++)); do
        local nested_ty="Option<Box<S$((i - 1))>>"
        [ "$i" = 0 ] && nested_ty="Option<Box<Leaf>>"
        case "$kind" in
            ours) cat <<RS
#[derive(CustomerModel, Debug$de)]
pub struct S$i {
    #[customer(pattern = "^c${i}_[a-z\\\\d]{26}\$")]
    pub id: String,
    #[customer(email)]
    pub email: String,
    #[customer(length(max = 255))]
    pub name: Option<String>,
    #[customer(locale)]
    pub locale: String,
    #[customer(length(min = 1, max = 16))]
    pub postal_code: Option<String>,
    #[customer(nested)]
    pub inner: $nested_ty,
}
RS
                ;;
            garde) cat <<RS
#[derive(garde::Validate, Debug$de)]
pub struct S$i {
    #[garde(pattern(r"^c${i}_[a-z0-9]{26}\$"))]
    pub id: String,
    #[garde(email)]
    pub email: String,
    #[garde(length(chars, max = 255))]
    pub name: Option<String>,
    #[garde(custom(check_locale))]
    pub locale: String,
    #[garde(length(chars, min = 1, max = 16))]
    pub postal_code: Option<String>,
    #[garde(dive)]
    pub inner: $nested_ty,
}
RS
                ;;
            plain) cat <<RS
#[derive(Debug$de)]
pub struct S$i {
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    pub locale: String,
    pub postal_code: Option<String>,
    pub inner: $nested_ty,
}
RS
                ;;
        esac
    done
    case "$kind" in
        ours) printf '#[derive(CustomerModel, Debug%s)]\npub struct Leaf {\n    #[customer(length(max = 3))]\n    pub x: String,\n}\n' "$de" ;;
        garde) printf '#[derive(garde::Validate, Debug%s)]\npub struct Leaf {\n    #[garde(length(max = 3))]\n    pub x: String,\n}\n' "$de" ;;
        plain) printf '#[derive(Debug%s)]\npub struct Leaf {\n    pub x: String,\n}\n' "$de" ;;
    esac
    [ "$form" = read ] || return 0
    # One reading call per struct, as an app reads a request body into it.
    for ((i = 0; i < structs; i++)); do
        case "$kind" in
            ours) cat <<RS
pub fn read_s$i(json: &str) -> bool {
    customer_core::Valid::<S$i>::from_json(json).is_ok()
}
RS
                ;;
            garde) cat <<RS
pub fn read_s$i(json: &str) -> bool {
    serde_json::from_str::<S$i>(json).is_ok_and(|value| garde::Validate::validate(&value).is_ok())
}
RS
                ;;
            plain) cat <<RS
pub fn read_s$i(json: &str) -> bool {
    serde_json::from_str::<S$i>(json).is_ok()
}
RS
                ;;
        esac
    done
}

for kind in ours garde plain; do
    gen "$kind" >"$work/$kind/src/lib.rs"
    echo "building the dependencies of the '$kind' crate..." >&2
    (cd "$work/$kind" && cargo build --quiet "${profile_flag[@]}" 2>&1 | tail -20) >&2
done

declare -A times full
if [ "$runs" -gt 0 ]; then
for ((r = 0; r < runs; r++)); do
    for kind in ours garde plain; do
        touch "$work/$kind/src/lib.rs"
        start=$(date +%s.%N)
        (cd "$work/$kind" && cargo build --quiet "${profile_flag[@]}")
        end=$(date +%s.%N)
        times[$kind]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f ", b - a }')"
    done
done
# customer-core and customer-derive are path dependencies, built incrementally by default: the
# switch rebuilds them once, untimed.
for kind in ours garde plain; do
    (cd "$work/$kind" && CARGO_INCREMENTAL=0 cargo build --quiet "${profile_flag[@]}")
done
for ((r = 0; r < runs; r++)); do
    for kind in ours garde plain; do
        touch "$work/$kind/src/lib.rs"
        start=$(date +%s.%N)
        (cd "$work/$kind" && CARGO_INCREMENTAL=0 cargo build --quiet "${profile_flag[@]}")
        end=$(date +%s.%N)
        full[$kind]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f ", b - a }')"
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fastest() { tr ' ' '\n' | grep . | sort -n | head -1; }
# table TITLE OURS GARDE PLAIN: the median and fastest of each crate's samples, and the ratios.
table() {
    local ours="$2" garde="$3" plain="$4"
    echo
    echo "### $1"
    echo
    echo "| crate | median | fastest | fastest minus the plain structs |"
    echo "|---|---:|---:|---:|"
    awk -v om="$(echo "$ours" | median)" -v gm="$(echo "$garde" | median)" \
        -v pm="$(echo "$plain" | median)" -v o="$(echo "$ours" | fastest)" \
        -v g="$(echo "$garde" | fastest)" -v p="$(echo "$plain" | fastest)" 'BEGIN {
        printf "| #[derive(CustomerModel)] | %.3f s | %.3f s | %.3f s |\n", om, o, o - p
        printf "| #[derive(garde::Validate)] | %.3f s | %.3f s | %.3f s |\n", gm, g, g - p
        printf "| no validation derive | %.3f s | %.3f s | - |\n", pm, p
        printf "\nours / garde (fastest): %.2fx (whole crate), %.2fx (derive part)\n", o / g, (g - p > 0) ? (o - p) / (g - p) : 0
    }'
    echo "samples (s): ours $ours| garde $garde| plain $plain"
}
table "Compile time of $structs structs ($profile profile, $runs rebuilds of the crate alone)" \
    "${times[ours]}" "${times[garde]}" "${times[plain]}"
table "The same rebuilds without incremental compilation (CARGO_INCREMENTAL=0)" \
    "${full[ours]}" "${full[garde]}" "${full[plain]}"
fi

# The size of the expansion: each crate expanded once (not timed), ours and garde's lines beyond
# the plain crate's (the same structs, serde's derive included in all three when FORM=read).
declare -A lines
for kind in ours garde plain; do
    lines[$kind]="$(cd "$work/$kind" && RUSTC_BOOTSTRAP=1 CARGO_INCREMENTAL=0 cargo rustc --quiet --lib -- -Zunpretty=expanded 2>/dev/null | wc -l)"
done
echo
echo "### Expanded lines (\`-Zunpretty=expanded\`, $((structs + 1)) structs, form $form)"
echo
echo "| crate | lines | beyond the plain crate | per struct |"
echo "|---|---:|---:|---:|"
for kind in ours garde plain; do
    awk -v k="$kind" -v l="${lines[$kind]}" -v p="${lines[plain]}" -v n="$((structs + 1))" 'BEGIN {
        printf "| %s | %d | %d | %.0f |\n", k, l, l - p, (l - p) / n
    }'
done

callgrind="${CALLGRIND:-0}"
case "$callgrind" in
    0) exit 0 ;;
    1 | full) modes=(full) ;;
    incremental) modes=(incremental) ;;
    both) modes=(full incremental) ;;
    *) echo "CALLGRIND is 1 (or full), incremental or both" >&2; exit 2 ;;
esac
# rustc's own instructions for one build of each crate: the command cargo runs, under callgrind
# (all threads; the proc macros run inside rustc). For the incremental count, cargo first rebuilds
# the crate incrementally (which prints the command and leaves the cache as an edit loop finds
# it), then the same command runs again under callgrind after a `touch`.
count_rustc() {
    local mode="$1" kind="$2" incremental=0 cmd out
    [ "$mode" = incremental ] && incremental=1
    touch "$work/$kind/src/lib.rs"
    if [ "$incremental" = 1 ]; then
        cmd="$(cd "$work/$kind" && cargo build --verbose "${profile_flag[@]}" 2>&1 |
            grep -o "Running \`[^\`]*--crate-name scratch_$kind [^\`]*" | head -1 | sed 's/^Running `//')"
        touch "$work/$kind/src/lib.rs"
    else
        cmd="$(cd "$work/$kind" && CARGO_INCREMENTAL=0 cargo build --verbose "${profile_flag[@]}" 2>&1 |
            grep -o "Running \`[^\`]*--crate-name scratch_$kind [^\`]*" | head -1 | sed 's/^Running `//')"
    fi
    [ -n "$cmd" ] || { echo "cargo ran no rustc for the '$kind' crate" >&2; exit 1; }
    out="$work/callgrind-$mode-$kind"
    rm -f "$out".*
    (cd "$work/$kind" && eval "valgrind --tool=callgrind --callgrind-out-file=$out.%p $cmd" >"$out.log" 2>&1)
    grep -h 'Collected' "$out.log" | awk '{ s += $NF } END { printf "%.0f", s }'
}
declare -A instructions
for mode in "${modes[@]}"; do
    for kind in ours garde plain; do
        instructions[$kind]="$(count_rustc "$mode" "$kind")"
    done
    title="one full build"
    [ "$mode" = incremental ] && title="an incremental rebuild after a touch"
    echo
    echo "### rustc's instructions, $title (callgrind, $((structs + 1)) structs)"
    echo
    echo "| crate | instructions | beyond the plain crate |"
    echo "|---|---:|---:|"
    for kind in ours garde plain; do
        awk -v k="$kind" -v i="${instructions[$kind]}" -v p="${instructions[plain]}" 'BEGIN {
            printf "| %s | %.0f | %.0f |\n", k, i, i - p
        }'
    done
    awk -v o="${instructions[ours]}" -v g="${instructions[garde]}" -v p="${instructions[plain]}" 'BEGIN {
        printf "\nours / garde: %.2fx (whole crate), %.2fx (derive part)\n", o / g, (g - p > 0) ? (o - p) / (g - p) : 0
    }'
done
