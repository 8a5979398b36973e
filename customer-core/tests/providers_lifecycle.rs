//! Updates (`decode_update` / `encode_update`), list pages (`decode_list`), Paddle's
//! notifications and the providers' error responses (`decode_error`).

use customer_core::providers::{paddle, Api};
use customer_core::{CustomerPatch, Error, Patch, Phone, Status};
use serde_json::{json, Value};

#[path = "support/report.rs"]
mod report;

use report::{expect, pairs};

fn update(api: Api, body: Value) -> Result<CustomerPatch, Error> {
    api.decode_update(&body.to_string())
}

// ----- Updates --------------------------------------------------------------------------------

#[test]
fn absent_null_and_value_stay_distinct_through_decode() {
    let patch = update(
        Api::Paddle,
        json!({"name": null, "email": "jo@example.com"}),
    )
    .unwrap();
    assert_eq!(patch.name, Patch::Null);
    assert_eq!(patch.email, Patch::Value("jo@example.com".into()));
    assert_eq!(patch.locale, Patch::Absent);
    assert_eq!(patch.metadata, Patch::Absent);

    let patch = update(Api::Mollie, json!({"locale": "nl_NL", "metadata": null})).unwrap();
    assert_eq!(patch.locale, Patch::Value("nl-NL".into()));
    assert_eq!(patch.metadata, Patch::Null);
    assert_eq!(patch.name, Patch::Absent);

    let patch = update(
        Api::Tazapay,
        json!({"customer_id": "cus_abc123", "phone": {"calling_code": "65", "number": "91234567"},
               "metadata": "{\"tier\":\"gold\"}"}),
    )
    .unwrap();
    assert_eq!(patch.id, Patch::Value("cus_abc123".into()));
    assert_eq!(
        patch.phone,
        Patch::Value(Phone {
            calling_code: "65".into(),
            number: "91234567".into()
        })
    );
    assert_eq!(patch.metadata, Patch::Value(json!({"tier": "gold"})));
    assert!(patch.billing_addresses.is_absent());
}

#[test]
fn null_is_refused_where_the_api_cannot_clear() {
    for (api, body, pointer) in [
        (Api::Paddle, json!({"email": null}), "/email"),
        (Api::Paddle, json!({"status": null}), "/status"),
        (Api::Paddle, json!({"locale": null}), "/locale"),
        (Api::Mollie, json!({"testmode": null}), "/testmode"),
        (Api::Tazapay, json!({"phone": null}), "/phone"),
        (
            Api::Tazapay,
            json!({"billing_address": null}),
            "/billing_address",
        ),
        (Api::Tazapay, json!({"metadata": null}), "/metadata"),
        // Read through an alias: the pointer is the key the document used.
        (Api::Tazapay, json!({"billing": null}), "/billing"),
        (Api::Tazapay, json!({"shipping": null}), "/shipping"),
    ] {
        let error = update(api, body.clone()).unwrap_err();
        assert_eq!(
            pairs(&error),
            expect(&[(pointer, "required")]),
            "{api} {body}"
        );
    }
    // ... and allowed where it can
    for (api, body) in [
        (Api::Paddle, json!({"name": null, "custom_data": null})),
        (
            Api::Mollie,
            json!({"name": null, "email": null, "locale": null, "metadata": null}),
        ),
    ] {
        assert!(update(api, body.clone()).is_ok(), "{api} {body}");
    }
}

#[test]
fn update_values_are_checked_by_the_api_rules() {
    let error = update(
        Api::Paddle,
        json!({"email": "jö@example.com", "locale": "en_US", "name": "x".repeat(1025)}),
    )
    .unwrap_err();
    // In document order: `json!` writes its keys sorted.
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/email", "email"),
            ("/locale", "locale"),
            ("/name", "length")
        ])
    );
    let error = update(Api::Paddle, json!({"name": "Jo", "nickname": "jo"})).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/nickname", "unknown_field")]));
    // None of the update's fields: not a Paddle update at all.
    let error = update(Api::Paddle, json!({"nickname": "jo"})).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("", "not_this_api")]));
    let error = update(Api::Mollie, json!({"locale": "en-US", "metadata": true})).unwrap_err();
    assert_eq!(
        pairs(&error)[0],
        ("/locale".to_owned(), "one_of".to_owned())
    );
    let error = update(
        Api::Tazapay,
        json!({"customer_id": "cst_abc", "phone": {"calling_code": "1", "number": "+2025550183"}}),
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/customer_id", "id"), ("/phone/number", "phone")])
    );
}

#[test]
fn encode_update_writes_absent_as_missing_and_null_as_null() {
    let patch = CustomerPatch {
        name: Patch::Null,
        email: Patch::Value("jo@example.com".into()),
        metadata: Patch::Value(json!({"plan": "pro"})),
        ..CustomerPatch::default()
    };
    let paddle: Value = serde_json::from_str(&Api::Paddle.encode_update(&patch).unwrap()).unwrap();
    assert_eq!(
        paddle,
        json!({"name": null, "email": "jo@example.com", "custom_data": {"plan": "pro"}})
    );
    let mollie: Value = serde_json::from_str(&Api::Mollie.encode_update(&patch).unwrap()).unwrap();
    assert_eq!(
        mollie,
        json!({"name": null, "email": "jo@example.com", "metadata": {"plan": "pro"}})
    );
    assert_eq!(
        Api::Paddle
            .encode_update(&CustomerPatch::default())
            .unwrap(),
        "{}"
    );
}

#[test]
fn updates_convert_between_apis_keeping_the_three_states() {
    let body =
        json!({"name": null, "email": "jo@example.com", "locale": "nl_NL", "metadata": {"a": 1}});
    let patch = update(Api::Mollie, body).unwrap();
    let paddle = Api::Paddle.encode_update(&patch).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&paddle).unwrap(),
        json!({"name": null, "email": "jo@example.com", "locale": "nl-NL", "custom_data": {"a": 1}})
    );
    let again = Api::Paddle.decode_update(&paddle).unwrap();
    assert_eq!(again, patch);
    let mollie = Api::Mollie.encode_update(&again).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&mollie).unwrap(),
        json!({"name": null, "email": "jo@example.com", "locale": "nl_NL", "metadata": {"a": 1}})
    );
}

#[test]
fn encode_update_names_what_the_target_cannot_carry() {
    // Paddle cannot clear an email; Tazapay cannot update a name at all, set or cleared.
    let patch = CustomerPatch {
        email: Patch::Null,
        name: Patch::Null,
        status: Patch::Value(Status::Archived),
        ..CustomerPatch::default()
    };
    assert_eq!(
        pairs(&Api::Paddle.encode_update(&patch).unwrap_err()),
        expect(&[("/email", "unrepresentable")])
    );
    assert_eq!(
        pairs(&Api::Tazapay.encode_update(&patch).unwrap_err()),
        expect(&[
            ("/name", "unrepresentable"),
            ("/email", "unrepresentable"),
            ("/status", "unrepresentable")
        ])
    );
    assert_eq!(
        pairs(&Api::Mollie.encode_update(&patch).unwrap_err()),
        expect(&[("/status", "unrepresentable")])
    );
    // a value that breaks the patch's own rules is Invalid, before any API is asked
    let bad = CustomerPatch {
        email: Patch::Value("jo@".into()),
        ..CustomerPatch::default()
    };
    assert!(matches!(
        Api::Paddle.encode_update(&bad),
        Err(Error::Invalid(_))
    ));
    // Legit has no update request
    let legit = Api::Legit
        .encode_update(&CustomerPatch::default())
        .unwrap_err();
    assert_eq!(pairs(&legit), expect(&[("", "unsupported")]));
    assert_eq!(legit.to_string(), ": Legit has no update-customer request");
}

#[test]
fn a_patch_applies_to_a_stored_customer() {
    let mut stored = Api::Paddle
        .decode(r#"{"email": "jo@example.com", "name": "Jo", "custom_data": {"a": 1}}"#)
        .unwrap();
    let patch = Api::Paddle
        .decode_update(r#"{"name": null, "status": "archived"}"#)
        .unwrap();
    patch.apply_to(&mut stored);
    assert_eq!(stored.name, None);
    assert_eq!(stored.email.as_deref(), Some("jo@example.com"));
    assert_eq!(stored.metadata, Some(json!({"a": 1})));
    assert_eq!(stored.status, Some(Status::Archived));
}

// ----- List pages -----------------------------------------------------------------------------

fn mollie_customer(id: &str, email: &str) -> Value {
    json!({"resource": "customer", "id": id, "mode": "test", "name": "Jo", "email": email,
           "locale": null, "metadata": null, "createdAt": "2024-03-20T09:13:37+00:00",
           "_links": {"self": {"href": format!("https://api.mollie.com/v2/customers/{id}"), "type": "application/hal+json"}}})
}

#[test]
fn mollie_list_pages() {
    let page = json!({
        "count": 2,
        "_embedded": {"customers": [mollie_customer("cst_a", "a@example.com"), mollie_customer("cst_b", "b@example.com")]},
        "_links": {"self": {"href": "https://api.mollie.com/v2/customers?limit=2", "type": "application/hal+json"},
                   "previous": null,
                   "next": {"href": "https://api.mollie.com/v2/customers?from=cst_c&limit=2", "type": "application/hal+json"}}
    });
    let read = Api::Mollie.decode_list(&page.to_string()).unwrap();
    assert_eq!(read.customers.len(), 2);
    assert_eq!(read.customers[1].email.as_deref(), Some("b@example.com"));
    assert_eq!(
        read.next.as_deref(),
        Some("https://api.mollie.com/v2/customers?from=cst_c&limit=2")
    );

    let mut last = page.clone();
    last["_links"]["next"] = Value::Null;
    last["_embedded"]["customers"][1]["email"] = json!("b@");
    let error = Api::Mollie.decode_list(&last.to_string()).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/_embedded/customers/1/email", "email")])
    );
    last["_embedded"]["customers"][1]["email"] = json!("b@example.com");
    assert_eq!(
        Api::Mollie.decode_list(&last.to_string()).unwrap().next,
        None
    );
}

fn paddle_customer(n: usize, email: &str) -> Value {
    json!({"id": format!("ctm_01h8441jn5pcwrfhwh78jqt8h{n}"), "name": null, "email": email,
           "marketing_consent": false, "status": "active", "custom_data": null, "locale": "en",
           "created_at": "2024-04-11T15:57:24.813Z", "updated_at": "2024-04-11T15:57:24.813Z"})
}

#[test]
fn paddle_list_pages() {
    let customers: Vec<Value> = (0..5)
        .map(|n| paddle_customer(n, "a@example.com"))
        .collect();
    let mut page = json!({
        "data": customers,
        "meta": {"request_id": "a1b2", "pagination": {"per_page": 5, "next": "https://api.paddle.com/customers?after=ctm_01h8441jn5pcwrfhwh78jqt8h4", "has_more": true, "estimated_total": 12}}
    });
    let read = Api::Paddle.decode_list(&page.to_string()).unwrap();
    assert_eq!(read.customers.len(), 5);
    assert_eq!(
        read.next.as_deref(),
        Some("https://api.paddle.com/customers?after=ctm_01h8441jn5pcwrfhwh78jqt8h4")
    );
    page["meta"]["pagination"]["has_more"] = json!(false);
    assert_eq!(
        Api::Paddle.decode_list(&page.to_string()).unwrap().next,
        None
    );
    page["data"][3]["email"] = json!("not an address");
    page["data"][4]["id"] = json!("ctm_X");
    let error = Api::Paddle.decode_list(&page.to_string()).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/data/3/email", "email"), ("/data/4/id", "pattern")])
    );
}

#[test]
fn apis_without_lists_say_so() {
    for api in [Api::Tazapay, Api::Legit] {
        let error = api.decode_list(r#"{"data": []}"#).unwrap_err();
        assert_eq!(pairs(&error), expect(&[("", "unsupported")]), "{api}");
    }
}

// ----- Notifications --------------------------------------------------------------------------

#[test]
fn paddle_customer_notifications_decode_with_the_customer_at_data() {
    for event in ["customer.created", "customer.updated", "customer.imported"] {
        let notification = json!({
            "event_id": "evt_01h8441jx8x2q6bgz7etstz4sq", "event_type": event,
            "occurred_at": "2023-08-21T11:57:47.390028Z",
            "notification_id": "ntf_01h8441k2yfv6ffsk7ddxpm5en",
            "data": paddle_customer(1, "jo@example.com")
        });
        let customer = Api::Paddle.decode(&notification.to_string()).unwrap();
        assert_eq!(customer.email.as_deref(), Some("jo@example.com"), "{event}");
    }
    let wrong = json!({
        "event_id": "evt_01h8441jx8x2q6bgz7etstz4sq", "event_type": "customer.deleted",
        "occurred_at": "2023-08-21T11:57:47.390028Z",
        "data": paddle_customer(1, "jo@")
    });
    // The `event_type` chooses the variant, whose rules then run: an unknown one is the one
    // violation, at the tag, naming the three it can be (the customer at `data` is not read).
    let error = Api::Paddle.decode(&wrong.to_string()).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/event_type", "one_of")]));
    let message = error.to_string();
    for event in ["customer.created", "customer.updated", "customer.imported"] {
        assert!(message.contains(event), "{message}");
    }
    assert!(!message.contains("customer.deleted"), "{message}");
    // A known one: the customer's rules, at their pointers under `data`.
    let mut wrong = wrong;
    wrong["event_type"] = json!("customer.updated");
    let error = Api::Paddle.decode(&wrong.to_string()).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/data/email", "email")]));
    // The shared members through the enum's methods, whichever the variant.
    let mut right = wrong;
    right["data"] = paddle_customer(1, "jo@example.com");
    for (event, variant) in ["customer.created", "customer.updated", "customer.imported"]
        .into_iter()
        .zip(0..)
    {
        right["event_type"] = json!(event);
        let notification: paddle::Notification = serde_json::from_value(right.clone()).unwrap();
        assert_eq!(notification.event_type(), event);
        assert_eq!(notification.event_id(), "evt_01h8441jx8x2q6bgz7etstz4sq");
        assert_eq!(notification.occurred_at(), "2023-08-21T11:57:47.390028Z");
        assert_eq!(notification.notification_id(), None);
        assert_eq!(notification.customer().email, "jo@example.com");
        let matched = match &notification {
            paddle::Notification::Created(_) => 0,
            paddle::Notification::Updated(_) => 1,
            paddle::Notification::Imported(_) => 2,
        };
        assert_eq!(matched, variant);
        // Written back as Paddle writes it: the tag beside the event's members.
        let written = serde_json::to_value(&notification).unwrap();
        assert_eq!(written["event_type"], event);
        assert_eq!(written["event_id"], right["event_id"]);
        assert_eq!(written["data"]["email"], "jo@example.com");
        assert_eq!(
            serde_json::from_value::<paddle::Notification>(written).unwrap(),
            notification
        );
    }
}

// ----- Error responses ------------------------------------------------------------------------

#[test]
fn mollie_errors_point_at_their_field_without_the_detail() {
    let body = json!({"status": 422, "title": "Unprocessable Entity",
        "detail": "The email address 'mark.secret@example.com' is invalid", "field": "billingAddress.email",
        "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}});
    let errors = Api::Mollie.decode_error(&body.to_string()).unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.violations()[0].pointer(), "/billingAddress/email");
    assert_eq!(errors.violations()[0].code(), "rejected");
    let text = format!(
        "{errors} {errors:?} {}",
        serde_json::to_string(&errors).unwrap()
    );
    assert!(!text.contains("mark.secret"), "{text}");
    assert_eq!(
        errors.to_string(),
        "/billingAddress/email: Mollie refused this value (HTTP 422)"
    );
    let no_field =
        json!({"status": 401, "title": "Unauthorized Request", "detail": "Missing authentication"});
    let errors = Api::Mollie.decode_error(&no_field.to_string()).unwrap();
    assert_eq!(errors.violations()[0].pointer(), "");
}

#[test]
fn paddle_errors_give_one_violation_per_field() {
    let body = json!({"error": {"type": "request_error", "code": "bad_request",
        "detail": "Invalid request.", "documentation_url": "https://developer.paddle.com/v1/errors/shared/bad_request",
        "errors": [{"field": "email", "message": "'mark.secret@' is not a valid email"},
                   {"field": "items[0].price_id", "message": "does not match"}]},
        "meta": {"request_id": "x"}});
    let errors = Api::Paddle.decode_error(&body.to_string()).unwrap();
    let pointers: Vec<&str> = errors.iter().map(|v| v.pointer()).collect();
    assert_eq!(pointers, ["/email", "/items/0/price_id"]);
    assert_eq!(
        errors.violations()[0].message(),
        "Paddle refused this value (`bad_request`)"
    );
    assert!(!format!("{errors:?}").contains("mark.secret"));
    // a code that is not Paddle's snake_case vocabulary is not copied
    let odd =
        json!({"error": {"type": "request_error", "code": "Mark Secret <m@x.io>", "detail": "x"}});
    let errors = Api::Paddle.decode_error(&odd.to_string()).unwrap();
    assert_eq!(
        errors.to_string(),
        ": Paddle refused this value (`unknown`)"
    );
}

#[test]
fn tazapay_errors_keep_their_codes_only() {
    let body = json!({"status": "error", "message": "Validation failed for jo@example.com",
        "errors": [{"code": 1108, "message": "invalid email jo@example.com", "remarks": "jo@example.com"}]});
    let errors = Api::Tazapay.decode_error(&body.to_string()).unwrap();
    assert_eq!(
        errors.to_string(),
        ": Tazapay refused the request (error 1108)"
    );
    assert!(Api::Legit.decode_error("{}").is_err());
    assert!(Api::Mollie.decode_error(r#"{"title": "x"}"#).is_err());
}

#[test]
fn field_names_become_pointers() {
    let body = |field: &str| {
        json!({"error": {"type": "request_error", "code": "invalid_field", "detail": "",
                         "errors": [{"field": field, "message": ""}]}})
        .to_string()
    };
    for (field, pointer) in [
        ("email", "/email"),
        ("custom_data.plan", "/custom_data/plan"),
        ("items[2].price_id", "/items/2/price_id"),
        ("a/b~c", "/a~1b~0c"),
        ("(root)", ""),
        ("", ""),
    ] {
        let errors = Api::Paddle.decode_error(&body(field)).unwrap();
        assert_eq!(errors.violations()[0].pointer(), pointer, "{field}");
    }
}

/// serde's derived reading of `Notification`'s attributes, for comparison with the one-pass
/// `Deserialize` the enum has.
#[derive(serde::Deserialize, Debug)]
#[serde(tag = "event_type")]
enum DerivedNotification {
    #[serde(rename = "customer.created")]
    Created(paddle::CustomerEvent),
    #[serde(rename = "customer.updated")]
    Updated(paddle::CustomerEvent),
    #[serde(rename = "customer.imported")]
    Imported(paddle::CustomerEvent),
}

impl From<DerivedNotification> for paddle::Notification {
    fn from(derived: DerivedNotification) -> Self {
        match derived {
            DerivedNotification::Created(e) => paddle::Notification::Created(e),
            DerivedNotification::Updated(e) => paddle::Notification::Updated(e),
            DerivedNotification::Imported(e) => paddle::Notification::Imported(e),
        }
    }
}

#[test]
fn paddle_notifications_read_in_one_pass_as_serde_reads_the_tagged_enum() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let member = |values: Vec<Option<Value>>| proptest::sample::select(values);
    let documents = (
        member(vec![
            Some(json!("customer.created")),
            Some(json!("customer.updated")),
            Some(json!("customer.imported")),
            Some(json!("customer.deleted")),
            Some(json!(null)),
            Some(json!(1)),
            None,
        ]),
        member(vec![
            Some(json!("evt_01h8441jx8x2q6bgz7etstz4sq")),
            Some(json!(5)),
            None,
        ]),
        member(vec![Some(json!("2023-08-21T11:57:47.390028Z")), None]),
        member(vec![
            Some(json!("ntf_01h8441k2yfv6ffsk7ddxpm5en")),
            Some(json!(null)),
            None,
        ]),
        member(vec![
            Some(paddle_customer(1, "jo@example.com")),
            Some(json!({"id": "ctm_1"})),
            Some(json!("ctm_1")),
            None,
        ]),
        any::<bool>(),
    )
        .prop_map(|(event_type, id, at, ntf, data, extra)| {
            let mut doc = serde_json::Map::new();
            for (key, value) in [
                ("event_type", event_type),
                ("event_id", id),
                ("occurred_at", at),
                ("notification_id", ntf),
                ("data", data),
            ] {
                if let Some(value) = value {
                    doc.insert(key.into(), value);
                }
            }
            if extra {
                doc.insert("zz".into(), json!(1));
            }
            Value::Object(doc)
        });
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&documents, |doc| {
            let text = doc.to_string();
            let ours = serde_json::from_str::<paddle::Notification>(&text).ok();
            let derived = serde_json::from_str::<DerivedNotification>(&text)
                .ok()
                .map(paddle::Notification::from);
            prop_assert_eq!(ours, derived, "{}", text);
            Ok(())
        })
        .unwrap();
}
