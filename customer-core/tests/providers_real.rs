//! Every genuine document in `tests/fixtures/real/` (see its `MANIFEST.md`: provider SDK test
//! fixtures, API references, webhook simulations) decodes with the API its folder names, read
//! as the kind the manifest gives it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use customer_core::providers::Api;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// `(file, kind)` of every row of the manifest's table of files (a first cell `api/file`).
fn manifest() -> Vec<(String, String)> {
    let text = fs::read_to_string(root().join("MANIFEST.md")).expect("MANIFEST.md");
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let file = cells.get(1)?.trim_matches('`');
            file.contains('/')
                .then(|| (file.to_owned(), cells[2].to_owned()))
        })
        .collect()
}

fn api_of(file: &str) -> Api {
    file.split('/')
        .next()
        .unwrap()
        .parse()
        .expect("a folder named after an API")
}

#[test]
fn the_manifest_names_every_document_and_only_those() {
    let listed: BTreeSet<String> = manifest().into_iter().map(|(file, _)| file).collect();
    let mut present = BTreeSet::new();
    for api in ["mollie", "paddle", "stripe", "tazapay"] {
        for entry in fs::read_dir(root().join(api)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            present.insert(format!("{api}/{name}"));
        }
    }
    assert_eq!(listed, present);
    assert!(listed.len() >= 30, "{} documents", listed.len());
}

#[test]
fn every_real_document_decodes() {
    let mut failures = Vec::new();
    for (file, kind) in manifest() {
        let api = api_of(&file);
        let json = fs::read_to_string(root().join(&file)).unwrap();
        let outcome = match kind.as_str() {
            "customer" | "notification" => api.decode(&json).map(|customer| {
                assert!(
                    customer.id.is_some() || customer.email.is_some() || customer.name.is_some(),
                    "{file}: nothing read"
                );
            }),
            "list" => api.decode_list(&json).map(|page| {
                assert!(!page.customers.is_empty(), "{file}: no customers");
            }),
            "update" => api.decode_update(&json).map(|patch| {
                assert!(!patch.is_empty(), "{file}: an update that changes nothing");
            }),
            "error" => api.decode_error(&json).map(|report| {
                assert!(!report.is_empty(), "{file}: no violation");
                for violation in &report {
                    assert_eq!(violation.code(), "rejected", "{file}");
                }
            }),
            other => panic!("{file}: unknown kind {other}"),
        };
        if let Err(error) = outcome {
            failures.push(format!("{file} ({kind}):\n{error}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn read(file: &str) -> String {
    fs::read_to_string(root().join(file)).unwrap()
}

#[test]
fn the_leniencies_are_what_real_documents_need() {
    // Mollie: no `dashboard` link (the Python SDK), links carried by relation.
    let customer = Api::Mollie
        .decode(&read("mollie/python_customer_single.json"))
        .unwrap();
    assert!(!customer.links.contains_key("dashboard"));
    assert_eq!(
        customer.links.get("mandates").map(String::as_str),
        Some("https://api.mollie.com/v2/customers/cst_8wmqcHMN4U/mandates")
    );
    // Mollie: `{ }` placeholders in a documented list read as empty customers.
    let page = Api::Mollie
        .decode_list(&read("mollie/go_list_customers_response.json"))
        .unwrap();
    assert_eq!(page.customers.len(), 3);
    assert_eq!(page.customers[1], customer_core::Customer::default());
    assert_eq!(
        page.next.as_deref(),
        Some("https://api.mollie.com/v2/customers?from=cst_stTC2WHAuS")
    );
    // Paddle: no `import_meta` (SDK fixtures, webhook mocks).
    let customer = Api::Paddle
        .decode(&read("paddle/node_customer_created.json"))
        .unwrap();
    assert_eq!(customer.imported_from, None);
    let imported = Api::Paddle
        .decode(&read("paddle/node_customer_imported.json"))
        .unwrap();
    assert_eq!(imported.imported_from.as_deref(), Some("billing_platform"));
    // Paddle's last page says `has_more: false`: no next page.
    let page = Api::Paddle
        .decode_list(&read("paddle/php_list_default.json"))
        .unwrap();
    assert_eq!((page.customers.len(), page.next), (3, None));
    // Tazapay's documented update example: `billing` and an object as metadata.
    let patch = Api::Tazapay
        .decode_update(&read("tazapay/docs_update_customer_request.json"))
        .unwrap();
    assert_eq!(patch.billing_addresses.value().map(Vec::len), Some(1));
    assert_eq!(
        patch.metadata.value(),
        Some(&serde_json::json!({"key1": "value1", "key2": "value2"}))
    );
}

#[test]
fn stripe_documents_read_as_stripe_wrote_them() {
    // 2025 onwards: `shipping` is `{}` and the address all `null`: no addresses.
    let customer = Api::Stripe
        .decode(&read(
            "stripe/openapi_fixtures3_2026-07-29_f0758b15_customer.json",
        ))
        .unwrap();
    assert_eq!(customer.id.as_deref(), Some("cus_QXg1o8vcGmoR32"));
    assert!(customer.billing_addresses.is_empty() && customer.shipping_addresses.is_empty());
    assert_eq!(customer.created_at.as_deref(), Some("2009-02-13T23:31:30Z"));
    // Removed members (`account_balance`, `sources`, `tax_info`) are ignored; the shipping
    // address carries its recipient.
    let customer = Api::Stripe
        .decode(&read("stripe/fxa_customer1.json"))
        .unwrap();
    let shipping = &customer.shipping_addresses[0];
    assert_eq!(shipping.name.as_deref(), Some("Testy McTesterson"));
    assert_eq!(shipping.country.as_deref(), Some("RO"));
    assert_eq!(
        customer.metadata.unwrap()["userid"],
        "40cc397def2d487b9b8ba0369079a267"
    );
    // An event: the customer at `/data/object`.
    let customer = Api::Stripe
        .decode(&read("stripe/fxa_event_customer_updated.json"))
        .unwrap();
    assert_eq!(customer.id.as_deref(), Some("cus_JCrXz3J6jTwYA2"));
    // A deleted customer is its id.
    let customer = Api::Stripe
        .decode(&read("stripe/fxa_customer_deleted.json"))
        .unwrap();
    assert_eq!(customer.id.as_deref(), Some("cus_GiYigOJmN1t1wQ"));
    assert_eq!(customer.email, None);
}

#[test]
fn provider_error_texts_stay_out_of_reports() {
    // Mollie's detail quotes the ID it did not find; Paddle's the conflicting customer's ID.
    for (api, file, quoted, pointer) in [
        (
            Api::Mollie,
            "mollie/python_customer_doesnotexist.json",
            "cst_doesnotexist",
            "",
        ),
        (
            Api::Mollie,
            "mollie/php_unprocessable_entity_with_field.json",
            "sequenceType",
            "/recurringType",
        ),
        (
            Api::Paddle,
            "paddle/docs_error_customer_already_exists.json",
            "ctm_01ghbk4xjn4qdsmstcwzgcgg35",
            "",
        ),
        (
            Api::Paddle,
            "paddle/docs_error_invalid_field.json",
            "653",
            "/active",
        ),
    ] {
        let report = api.decode_error(&read(file)).unwrap();
        let text = format!(
            "{report} {report:?} {}",
            serde_json::to_string(&report).unwrap()
        );
        assert!(!text.contains(quoted), "{file}: {text}");
        assert_eq!(report.violations()[0].pointer(), pointer, "{file}");
    }
}

#[test]
fn real_updates_convert_to_every_api_and_read_back_the_same() {
    let mut converted = 0;
    for (file, kind) in manifest() {
        if kind != "update" {
            continue;
        }
        let patch = api_of(&file).decode_update(&read(&file)).unwrap();
        for to in Api::ALL {
            let Ok(body) = to.encode_update(&patch) else {
                continue;
            };
            let again = to.decode_update(&body).unwrap();
            assert_eq!(to.encode_update(&again).unwrap(), body, "{file} -> {to}");
            converted += 1;
        }
    }
    assert!(converted >= 5, "{converted}");
}

#[test]
fn a_paddle_customer_embedded_in_a_transaction_reads_without_timestamps() {
    // As Paddle's sandbox sent it inside a transaction (`include=customer`): no `created_at`,
    // no `updated_at`, and members a customer entity does not list (`suitable_for`, ...).
    let json = read("paddle/python_transaction_customer_included.json");
    let customer = Api::Paddle.decode(&json).unwrap();
    assert_eq!(
        customer.id.as_deref(),
        Some("ctm_01h7n2fwfhctkfja2dwq2cmx8v")
    );
    assert_eq!((customer.created_at, customer.updated_at), (None, None));
    assert!(Api::Paddle.check(&json).is_ok());
    // The timestamps, when present, are still checked.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["created_at"] = "yesterday".into();
    let error = Api::Paddle.decode(&value.to_string()).unwrap_err();
    assert_eq!(
        error.violations().iter().next().map(|v| v.pointer()),
        Some("/created_at")
    );
}

#[test]
fn tazapay_error_remarks_that_name_a_field_become_pointers() {
    let file = "tazapay/ruby_escrow_create_missing_params_error.json";
    let report = Api::Tazapay.decode_error(&read(file)).unwrap();
    let pointers: Vec<&str> = report.violations().iter().map(|v| v.pointer()).collect();
    assert_eq!(
        pointers,
        [
            "/initiated_by",
            "/buyer_id",
            "/buyer",
            "/seller_id",
            "/seller"
        ]
    );
    // Tazapay's numeric codes are kept; its free text is not.
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.contains("1403"), "{text}");
    assert!(!text.contains("UUID"), "{text}");
    // A remark that is not a field name (free text, which could quote a value) stays out.
    for remarks in [
        "jo@example.com",
        "Enter a valid UUID",
        "Buyer_id",
        "x".repeat(65).as_str(),
    ] {
        let body = serde_json::json!({
            "status": "error",
            "errors": [{"code": 1403, "remarks": remarks}],
        });
        let report = Api::Tazapay.decode_error(&body.to_string()).unwrap();
        assert_eq!(report.violations()[0].pointer(), "", "{remarks}");
        assert!(!report.to_string().contains(remarks), "{remarks}");
    }
}

#[test]
fn every_real_paddle_notification_reads_as_its_variant() {
    use customer_core::providers::paddle::Notification;
    use customer_core::Valid;
    let mut seen = BTreeSet::new();
    for (file, kind) in manifest() {
        if kind != "notification" || api_of(&file) != Api::Paddle {
            continue;
        }
        let json = read(&file);
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        let notification = Valid::<Notification>::from_json(&json)
            .unwrap_or_else(|error| panic!("{file}: {error}"))
            .into_inner();
        assert_eq!(
            notification.event_type(),
            document["event_type"].as_str().unwrap(),
            "{file}"
        );
        assert_eq!(notification.event_id(), document["event_id"], "{file}");
        assert_eq!(
            notification.occurred_at(),
            document["occurred_at"],
            "{file}"
        );
        assert_eq!(notification.customer().id, document["data"]["id"], "{file}");
        seen.insert(notification.event_type());
    }
    // The SDK's mocks cover every customer event.
    assert_eq!(seen.len(), Notification::EVENT_TYPES.len(), "{seen:?}");
}
