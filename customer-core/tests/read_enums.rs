//! Every violation of a document in one report, for field-less enums in each of serde's
//! representations: a name or its object form (`{"free": null}`, which serde reads as `"free"`),
//! `#[serde(tag = "type")]`, `#[serde(untagged)]`, untagged and `other` variants. What the report
//! accepts is checked against what serde_json reads, document by document.

use customer_core::{CustomerModel, Valid};
use serde::Deserialize;

#[path = "support/report.rs"]
mod report;

use report::{agrees, expect, pairs};

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Kind {
    Person,
    #[serde(alias = "org")]
    Company,
}

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Unset {
    Unset,
}

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Source {
    Web,
    #[serde(untagged)]
    Unknown,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

/// serde's `other`: any name reads, in every form.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Channel {
    Mail,
    #[serde(other)]
    Unknown,
}

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Medium {
    Mail,
    #[serde(other)]
    Unknown,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Account {
    plan: Plan,
    kind: Kind,
    unset: Unset,
    plans: Vec<Plan>,
    kinds: Vec<Kind>,
}

#[test]
fn field_less_enums_in_every_representation() {
    let valid = r#"{"plan": {"pro": null}, "kind": {"type": "org", "since": 2020}, "unset": null,
        "plans": ["free", {"free": null}], "kinds": [{"type": "person"}, ["company"]]}"#;
    let account = Valid::<Account>::from_json(valid).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((&account.plan, &account.kind), (&Plan::Pro, &Kind::Company));
    assert_eq!(account.plans, [Plan::Free, Plan::Free]);

    let doc = r#"{"plan": {"gold": 1}, "kind": "person", "unset": "x",
        "plans": [{}, {"free": null, "pro": null}, {"pro": []}, 5, "gold"],
        "kinds": [{"type": "robot"}, {}, {"type": 1}, {"type": "person", "type": "company"}, []]}"#;
    let error = Valid::<Account>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/plan", "one_of"),
            ("/plan/gold", "invalid_type"),
            ("/kind", "invalid_type"),
            ("/unset", "invalid_type"),
            ("/plans/0", "invalid_length"),
            ("/plans/1", "invalid_length"),
            ("/plans/2/pro", "invalid_type"),
            ("/plans/3", "invalid_type"),
            ("/plans/4", "one_of"),
            ("/kinds/0/type", "one_of"),
            ("/kinds/1/type", "missing_field"),
            ("/kinds/2/type", "invalid_type"),
            ("/kinds/3/type", "duplicate_field"),
            ("/kinds/4", "invalid_type"),
        ]),
        "{error}"
    );
    let text = error.to_string();
    for line in [
        "/plan: must be one of `free`, `pro`",
        "/plan/gold: must be null",
        "/kind: must be an object",
        "/unset: must be null",
        "/plans/0: must be a string or an object of exactly 1 member",
        "/kinds/0/type: must be one of `person`, `company`",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} not in:\n{text}");
    }
    // An object of two members is a refusal of well-formed JSON, not a syntax error.
    let error = Valid::<Plan>::from_json(r#"{"free": null, "pro": null}"#).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("", "invalid_length")]), "{error}");

    agrees::<Plan>(&[
        r#""free""#,
        r#"{"free": null}"#,
        r#"{"free": 1}"#,
        r#"{"gold": null}"#,
        r#"{}"#,
        r#"{"free": null, "pro": null}"#,
        "null",
        "[]",
    ]);
    agrees::<Kind>(&[
        r#"{"type": "person"}"#,
        r#"{"type": "org", "x": [1]}"#,
        r#"{"type": "robot"}"#,
        r#"{"type": 0}"#,
        r#"{"type": null}"#,
        r#"{"kind": "person"}"#,
        r#"["person"]"#,
        r#"["person", 1]"#,
        "[]",
        r#""person""#,
        "null",
    ]);
    agrees::<Channel>(&[
        r#"{"kind": "mail"}"#,
        r#"{"kind": "fax"}"#,
        r#"{"kind": 1}"#,
        r#"{}"#,
    ]);
    agrees::<Medium>(&[r#""fax""#, r#"{"fax": null}"#, r#"{"fax": 1}"#, "1"]);
    agrees::<Unset>(&["null", "[]", "{}", "0", r#""unset""#, "false"]);
    agrees::<Source>(&[
        r#""web""#,
        r#""shop""#,
        "null",
        r#"{"web": null}"#,
        r#"{"shop": null}"#,
        "5",
    ]);
}
