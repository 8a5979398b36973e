//! JSON Schema (2020-12) for every model, with feature `schemars`: the derive implements
//! [`schemars::JsonSchema`], so `schemars::schema_for!(T)` and every tool built on schemars get
//! the rules without a second attribute language.
//!
//! The schema follows serde as the model reads JSON (the *deserialize* contract): wire names,
//! `rename_all`, `flatten`, `default` and `Option` (not required; `null` accepted),
//! `deny_unknown_fields` (`additionalProperties: false`), field-less enums by their wire names,
//! enums with data (or a tag) as `oneOf` their variants in serde's representation,
//! newtypes as their inner value with their rules. Each rule adds the keywords below; a keyword that is
//! already present is added again inside `allOf`, so two rules never overwrite each other.
//!
//! | rule | keywords |
//! | --- | --- |
//! | `email` | `format: email`, `maxLength: max`, a `pattern` of the rule's shape; `ascii` adds an ASCII-only `pattern` |
//! | `pattern` | `pattern`: the same expression in ECMA-262 syntax, anchored, classes spelled out |
//! | `id` | `pattern`: `^prefix[chars]{min,max}$` |
//! | `locale` | `pattern`: the RFC 5646 grammar (`short`: language(-Script)(-REGION)) |
//! | `length` | `minLength`/`maxLength`, `minItems`/`maxItems` or `minProperties`/`maxProperties` |
//! | `one_of` | `enum` |
//! | `country` | `enum` of the 249 assigned codes |
//! | `phone` | `pattern` (`+`, an assigned calling code, digits), `maxLength: 16` |
//! | `url` | `format: uri`, a `pattern` every accepted URL matches (scheme and characters) |
//! | `timestamp` | `format: date-time` and a `pattern` for the RFC 3339 grammar, calendar included |
//! | `range` | `minimum`/`maximum` |
//! | `each(...)` | the rules inside `items` |
//! | `nested` | the field's type is described by its own schema, reached by `$ref` into `$defs` |
//! | `required` | the key is in `required` and `null` is refused |
//! | `metadata` | `x-customer-rules` (byte limit); `json_string` adds `contentMediaType` |
//! | `bytes`, `custom`, `check` | `x-customer-rules` |
//!
//! What JSON Schema cannot say is never dropped: it goes into the `x-customer-rules` keyword (an
//! array of `{"rule": NAME, ...options}`) and a sentence of the `description`. `email` and
//! `url` are listed there too, since `format` is only an annotation for most validators and
//! their patterns do not say everything.
//!
//! The builders that write these keywords are called by the code the derive generates, through
//! `customer_core::__private::schema`: they are not public API.

pub(crate) mod edit;
pub(crate) mod keywords;
pub(crate) mod types;
pub(crate) mod union;

/// The keyword that carries the rules JSON Schema cannot state exactly.
pub const RULES_KEYWORD: &str = "x-customer-rules";
