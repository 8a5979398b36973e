//! Every surface a client controls besides the JSON second read (`hostile-read`): Stripe's form
//! bodies, webhook signature headers, `Accept-Language`, the text rules, the application's own
//! Fluent files and messages, one huge NDJSON line. Each hostile input is timed next to a plain
//! read of the same bytes (median wall time of `runs` runs): the ratio is what an attacker gains
//! by sending it instead of any input of the same size.
//!
//! ```text
//! benches/target/release/hostile-surfaces [runs] [case]   # median of `runs` (default 15);
//!                                                         # `case`: the rows whose name holds it
//! ```
//!
//! `scripts/bench-hostile.sh` builds and runs it after `hostile-read`.

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use customer_core::i18n::Catalog;
use customer_core::providers::Api;
use customer_core::rules::{email, locale, phone, url};
use customer_core::webhooks::{Scheme, Verifier};
use customer_core::Param;
use percent_encoding::percent_decode_str;
use serde_json::Value;

/// About 64 KiB, as `hostile-read`'s bodies.
const SIZE: usize = 64 * 1024;

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// A plain read of a form: the list of its pairs, each percent-decoded into owned strings (what
/// `form_urlencoded::parse(..).into_owned()` gives), no tree built.
fn plain_form(form: &str) -> Vec<(String, String)> {
    form.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode_str(key).decode_utf8_lossy().into_owned(),
                percent_decode_str(value).decode_utf8_lossy().into_owned(),
            )
        })
        .collect()
}

/// A plain read of JSON text.
fn plain_json(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

/// A JSON string of `text`, for a plain read of a rule's value.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

struct Row {
    surface: &'static str,
    input: String,
    bytes: usize,
    hostile: Duration,
    plain: Duration,
    outcome: String,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let only = args.next();
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    let mut rows: Vec<Row> = Vec::new();
    let mut row = |surface: &'static str,
                   input: &str,
                   bytes: usize,
                   hostile: &mut dyn FnMut() -> String,
                   plain: &mut dyn FnMut()| {
        if !wanted(surface) && !wanted(input) {
            return;
        }
        let outcome = hostile();
        let hostile = median(runs, || {
            black_box(hostile());
        });
        let plain = median(runs, plain);
        rows.push(Row {
            surface,
            input: input.to_owned(),
            bytes,
            hostile,
            plain,
            outcome,
        });
    };
    let verdict = |result: Result<customer_core::Customer, customer_core::Error>| match result {
        Ok(_) => "read".to_owned(),
        Err(error) => {
            let first = error
                .violations()
                .iter()
                .next()
                .map(|v| v.code().to_owned());
            format!(
                "{} ({})",
                error.violations().len(),
                first.unwrap_or_default()
            )
        }
    };

    // Stripe's form bodies, read by `Api::Stripe.decode`.
    let mut forms: Vec<(&str, String)> = Vec::new();
    for (input, n) in [
        ("4,500 metadata keys", 4_500),
        ("9,000 metadata keys", 9_000),
    ] {
        let mut keys = String::from("email=jo%40example.com");
        for i in 0..n {
            keys.push_str(&format!("&metadata[k{i:05}]=v"));
        }
        forms.push((input, keys));
    }
    let mut json = String::from(r#"{"email":"jo@example.com","metadata":{"#);
    for i in 0..9_000 {
        json.push_str(&format!(r#""k{i:05}":"v","#));
    }
    json.pop();
    json.push_str("}}");
    row(
        "Stripe JSON body",
        "9,000 metadata keys",
        json.len(),
        &mut || verdict(Api::Stripe.decode(&json)),
        &mut || {
            black_box(plain_json(&json));
        },
    );
    let mut appended = String::from("email=jo%40example.com");
    while appended.len() < SIZE {
        appended.push_str("&preferred_locales[]=nl");
    }
    forms.push(("~2,800 `preferred_locales[]` appends", appended));
    let mut reversed = String::from("email=jo%40example.com");
    for i in (0..3_000).rev() {
        reversed.push_str(&format!("&preferred_locales[{i}]=nl"));
    }
    forms.push(("3,000 indices in reverse order", reversed));
    forms.push((
        "one huge index `preferred_locales[99999999999999999999]`",
        format!(
            "email=jo%40example.com&preferred_locales[{}]=nl",
            "9".repeat(SIZE)
        ),
    ));
    forms.push((
        "brackets 16k deep `a[b][b]…`",
        format!(
            "email=jo%40example.com&shipping{}=x",
            "[b]".repeat(SIZE / 3)
        ),
    ));
    forms.push((
        "percent bomb: a name of 21k `%41`",
        format!("email=jo%40example.com&name={}", "%41".repeat(SIZE / 3)),
    ));
    forms.push((
        "10,001 empty pairs `&&&…` then 10,001 `a=`",
        format!("{}{}", "&".repeat(SIZE / 2), "description=&".repeat(10_001)),
    ));
    forms.push(("the same key 5,000 times", "name=a&".repeat(5_000)));
    for (input, form) in &forms {
        row(
            "Stripe form body",
            input,
            form.len(),
            &mut || verdict(Api::Stripe.decode(form)),
            &mut || {
                black_box(plain_form(form));
            },
        );
    }

    // Webhook signature headers: thousands of signatures over a 64 KiB body.
    let body = {
        let mut body = String::from(
            r#"{"id":"evt_1","type":"customer.updated","created_at":"2027-01-15T08:00:00Z","data":{"object":{"pad":""#,
        );
        body.push_str(&"x".repeat(SIZE));
        body.push_str(r#""}}}"#);
        body.into_bytes()
    };
    let at = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let wrong_hex = "ab".repeat(32);
    for (scheme, prefix, separator, wrong) in [
        (
            Scheme::Stripe,
            "t=1800000000",
            ",",
            format!("v1={wrong_hex}"),
        ),
        (
            Scheme::Paddle,
            "ts=1800000000",
            ";",
            format!("h1={wrong_hex}"),
        ),
        (Scheme::Mollie, "", ",", format!("sha256={wrong_hex}")),
        (Scheme::Tazapay, "", ",", "A".repeat(43) + "="),
    ] {
        let verifier = Verifier::with_scheme(scheme, "whsec_test");
        let one = verifier.sign(&body, at).expect("signs");
        let mut items: Vec<String> = Vec::new();
        if !prefix.is_empty() {
            items.push(prefix.to_owned());
        }
        items.extend(std::iter::repeat_n(wrong, 3_000));
        let header = items.join(separator);
        let input = format!("{scheme}: 3,000 wrong signatures, 64 KiB body");
        row(
            "webhook signature header",
            &input,
            header.len() + body.len(),
            &mut || format!("{:?}", verifier.verify_at(&header, &body, at).err()),
            // The plain check: the provider's own header (one signature) of the same body.
            &mut || {
                black_box(verifier.verify_at(&one, &body, at).is_ok());
            },
        );
    }
    let _ = SystemTime::now();

    // Accept-Language, as the axum extractor and the server negotiate it.
    let catalog = Catalog::new();
    let ranges = "xx-YY;q=0.5,".repeat(SIZE / 12);
    let huge_q = format!("nl;q=0.{}", "1".repeat(SIZE));
    let long_tag = format!("nl-{}", "abcdefgh-".repeat(SIZE / 9));
    for (input, header) in [
        ("5,461 ranges", ranges),
        ("one range with a 64 KiB q-value", huge_q),
        ("one 64 KiB tag", long_tag),
    ] {
        row(
            "Accept-Language",
            input,
            header.len(),
            &mut || format!("{:?}", catalog.negotiate(&header)),
            &mut || {
                black_box(header.split(',').map(str::len).sum::<usize>());
            },
        );
    }

    // The text rules on a 64 KiB value, next to a plain read of its JSON string.
    let long_label = format!("http://xn--{}.com/", "a".repeat(SIZE));
    let dots = format!("http://{}com/", "a.".repeat(SIZE / 2));
    let escapes = format!("http://{}.com/", "%41".repeat(SIZE / 3));
    let email_local = format!("{}@example.com", "a.".repeat(SIZE / 2));
    let email_idna = format!("jo@xn--{}.com", "a".repeat(SIZE));
    let email_unicode = format!("jo@{}.com", "é".repeat(SIZE / 2));
    let phone_digits = format!("+31{}", "6".repeat(SIZE));
    let tag = format!("en-{}", "x-".repeat(SIZE / 2));
    let options = email::EmailOptions::default();
    let rules: Vec<(&str, &str, Box<dyn Fn(&str) -> bool>)> = vec![
        ("url", "64 KiB `xn--` label", Box::new(url::is_valid)),
        ("url", "32k dots", Box::new(url::is_valid)),
        (
            "url",
            "21k percent-escapes in the host",
            Box::new(url::is_valid),
        ),
        (
            "email",
            "32k dots in the local part",
            Box::new(|t| email::is_valid(t, &options)),
        ),
        (
            "email",
            "64 KiB `xn--` domain label",
            Box::new(|t| email::is_valid(t, &options)),
        ),
        (
            "email",
            "32k `é` in the domain",
            Box::new(|t| email::is_valid(t, &options)),
        ),
        ("phone", "64 KiB of digits", Box::new(phone::is_valid)),
        (
            "locale",
            "32k `x-` subtags",
            Box::new(locale::is_well_formed),
        ),
    ];
    let values = [
        &long_label,
        &dots,
        &escapes,
        &email_local,
        &email_idna,
        &email_unicode,
        &phone_digits,
        &tag,
    ];
    for ((rule, input, check), value) in rules.iter().zip(values) {
        let json = quoted(value);
        let surface: &'static str = match *rule {
            "url" => "rule `url`",
            "email" => "rule `email`",
            "phone" => "rule `phone`",
            _ => "rule `locale`",
        };
        row(
            surface,
            input,
            value.len(),
            &mut || format!("valid: {}", check(value)),
            &mut || {
                black_box(plain_json(&json));
            },
        );
    }

    // The application's own Fluent file, and a message given many params.
    let mut ftl = String::new();
    let mut i = 0;
    while ftl.len() < 16 * SIZE {
        ftl.push_str(&format!(
            "app-message-{i} = Hello {{ $name }}, this is message {i}.\n"
        ));
        i += 1;
    }
    let ftl_json = quoted(&ftl);
    row(
        "i18n",
        &format!("`add_ftl` of a 1 MiB file of {i} messages"),
        ftl.len(),
        &mut || {
            let mut catalog = Catalog::new();
            format!("{:?}", catalog.add_ftl("nl", &ftl).is_ok())
        },
        &mut || {
            black_box(plain_json(&ftl_json));
        },
    );
    for (input, depth) in [
        ("`add_ftl` of 1,000 nested placeables", 1_000),
        ("`add_ftl` of 2,000 nested placeables", 2_000),
    ] {
        let nested = format!("deep = {}x{}\n", "{ ".repeat(depth), " }".repeat(depth));
        let nested_json = quoted(&nested);
        row(
            "i18n",
            input,
            nested.len(),
            &mut || {
                let mut catalog = Catalog::new();
                format!("{:?}", catalog.add_ftl("nl", &nested).is_ok())
            },
            &mut || {
                black_box(plain_json(&nested_json));
            },
        );
    }
    let names: Vec<String> = (0..5_000).map(|i| format!("p{i}")).collect();
    let params: Vec<(&str, Param)> = names
        .iter()
        .map(|n| (n.as_str(), Param::Str("v".into())))
        .collect();
    let lang = catalog.negotiate("en");
    row(
        "i18n",
        "a message given 5,000 params",
        names.iter().map(|n| n.len() + 1).sum(),
        &mut || catalog.text(&lang, "not-a-message", &params),
        &mut || {
            black_box(params.iter().map(|(n, _)| n.len()).sum::<usize>());
        },
    );

    // One NDJSON line of about 4 MiB: 200,000 unknown keys in a Paddle create request.
    let mut line = String::from(r#"{"email":"jo@example.com""#);
    for i in 0..200_000 {
        line.push_str(&format!(r#","k{i:07}":"v""#));
    }
    line.push('}');
    row(
        "Api::decode (the CLI's read)",
        "one 3 MiB line, 200,000 unknown keys (Paddle)",
        line.len(),
        &mut || verdict(Api::Paddle.decode(&line)),
        &mut || {
            black_box(plain_json(&line));
        },
    );

    println!("| surface | hostile input | bytes | read | plain | ratio | outcome |");
    println!("|---|---|---:|---:|---:|---:|---|");
    for row in &rows {
        println!(
            "| {} | {} | {} | {:.1?} | {:.1?} | {:.1}x | {} |",
            row.surface,
            row.input,
            row.bytes,
            row.hostile,
            row.plain,
            row.hostile.as_secs_f64() / row.plain.as_secs_f64(),
            row.outcome
        );
    }
}
