#!/usr/bin/env bash
# Instructions the derive itself spends per model expansion, counted by valgrind's callgrind in
# the dev profile (opt-level 0: Cargo builds proc macros so, and they run on every rebuild of the
# crate that uses them).
#
#   scripts/bench-derive.sh                 # both cases, N=200 expansions of each
#   N=500 scripts/bench-derive.sh
#   CASES=bench scripts/bench-derive.sh     # bench: the S<i> model of scripts/bench-compile.sh;
#                                           # models: every model of tests/expanded/models.rs
#   ANNOTATE=1 scripts/bench-derive.sh      # also callgrind_annotate's inclusive top functions
#   KEEP_CG=/tmp/cg scripts/bench-derive.sh # keep the callgrind files (/tmp/cg.bench, /tmp/cg.models)
#   RUSTC_CRATE=/tmp/x/ours scripts/bench-derive.sh
#                                           # also inside rustc: the crate kept by
#                                           # `KEEP=/tmp/x scripts/bench-compile.sh`, expanded once
#                                           # (`-Zunpretty=expanded`) with rustc under callgrind,
#                                           # counting only inside the derive's entry point
#                                           # (the snapshot's customer-core and customer-derive
#                                           # are refreshed from this tree first)
#   RUSTC_CRATE=/tmp/x/garde scripts/bench-derive.sh
#                                           # the same for garde's derive on the same structs
#                                           # (counting inside `garde_derive::derive_validate`)
#
# customer-derive's ignored test `bench::expand_for_callgrind` parses and expands the case's
# models N times; collection is on only inside `bench_loop`. The figure is (Ir(N) - Ir(0)) / N per
# round (a round expands every model of the case once), and per model for `models`.
# proc-macro2 runs on its fallback outside rustc, where a token costs about what it costs through
# the compiler's bridge but an interpolated `TokenStream` costs much less (inside rustc each one is
# a few calls across the bridge): the RUSTC_CRATE row is the figure users pay, per model.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${N:-200}"
cases="${CASES:-bench models}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }

bin="$(cd "$root" && cargo test --quiet -p customer-derive --lib --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "customer_derive" and m.get("executable"):
        print(m["executable"])')"
[ -x "$bin" ] || { echo "could not build customer-derive's test binary" >&2; exit 1; }

# A proc-macro crate's test binary links libstd dynamically: cargo test sets this path too.
export LD_LIBRARY_PATH="$(rustc --print target-libdir)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

count() {
    local case="$1" iters="$2" file="$out/cg.$1.$2"
    CUSTOMER_BENCH_CASE="$case" CUSTOMER_BENCH_N="$iters" \
        valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect='*customer_derive::bench::bench_loop*' \
        "$bin" --exact bench::expand_for_callgrind --ignored --nocapture --test-threads=1 \
        >"$file.out" 2>"$file.log"
    awk '/^summary:/ { print $2 }' "$file"
}

echo "### The derive's instructions per expansion (callgrind, dev profile, N = $n)"
echo
echo "| case | models | instructions per round | per model |"
echo "|---|---:|---:|---:|"
for case in $cases; do
    base="$(count "$case" 0)"
    full="$(count "$case" "$n")"
    models="$(grep -o "case [a-z]*: [0-9]* models" "$out/cg.$case.$n.out" | awk "{ print \$3 }")"
    awk -v c="$case" -v a="$full" -v b="$base" -v n="$n" -v m="$models" 'BEGIN {
        printf "| %s | %d | %.0f | %.0f |\n", c, m, (a - b) / n, (a - b) / n / m
    }'
    if [ -n "${KEEP_CG:-}" ]; then cp "$out/cg.$case.$n" "$KEEP_CG.$case"; fi
    if [ -n "${ANNOTATE:-}" ]; then
        echo
        callgrind_annotate --inclusive=yes "$out/cg.$case.$n" | sed -n '1,/^$/d; 1,60p'
        echo
    fi
done

if [ -n "${RUSTC_CRATE:-}" ]; then
    # rustc under callgrind for the scratch crate only (its dependencies are built already).
    # The derive counted: ours, or garde's on the same structs (`KEEP`'s `garde` crate).
    case "$(basename "$RUSTC_CRATE")" in
        garde) crate=scratch_garde entry='*garde_derive::derive_validate*' derive='derive(garde::Validate' ;;
        *) crate=scratch_ours entry='*customer_derive::derive_customer_model*' derive='derive(CustomerModel' ;;
    esac
    wrapper="$out/rustc-wrapper.sh"
    cat >"$wrapper" <<'SH'
#!/usr/bin/env bash
rustc="$1"; shift
case " $* " in
    *" --crate-name $CG_CRATE "*)
        exec valgrind --tool=callgrind --callgrind-out-file="$CG_OUT" --collect-atstart=no \
            --toggle-collect="$CG_ENTRY" "$rustc" "$@" ;;
    *) exec "$rustc" "$@" ;;
esac
SH
    chmod +x "$wrapper"
    models="$(grep -c "$derive" "$RUSTC_CRATE/src/lib.rs")"
    if [ "$crate" = scratch_ours ]; then
        # The kept crate depends on bench-compile.sh's snapshot: refresh it from this tree (the
        # derive's output must match the runtime it names).
        snap="$(cd "$RUSTC_CRATE/.." && pwd)/snapshot"
        [ -d "$snap/customer-derive" ] || { echo "no snapshot in $snap (keep the crate with KEEP=dir scripts/bench-compile.sh)" >&2; exit 1; }
        for krate in customer-core customer-derive; do
            rm -rf "${snap:?}/$krate/src" && cp -r "$root/$krate/src" "$root/$krate/Cargo.toml" "$snap/$krate/"
        done
    fi
    # The crate's own target directory (as bench-compile.sh builds it), not CARGO_TARGET_DIR.
    (cd "$RUSTC_CRATE" && touch src/lib.rs && env -u CARGO_TARGET_DIR CG_OUT="$out/cg.rustc" \
        CG_CRATE="$crate" CG_ENTRY="$entry" RUSTC_BOOTSTRAP=1 RUSTC_WRAPPER="$wrapper" \
        cargo rustc --quiet --lib -- -Zunpretty=expanded >/dev/null 2>"$out/cg.rustc.log")
    total="$(awk '/^summary:/ { print $2 }' "$out/cg.rustc")"
    awk -v m="$models" -v t="$total" -v c="$crate" 'BEGIN {
        printf "| rustc: %s | %d | %.0f | %.0f |\n", c, m, t, t / m
    }'
    if [ -n "${KEEP_CG:-}" ]; then cp "$out/cg.rustc" "$KEEP_CG.rustc"; fi
fi
