//! The derive's output compiles in hostile surroundings: no prelude, local items named like the
//! std items it uses, generics and lifetimes, and no warning under `deny(warnings)` and clippy's
//! pedantic group.

#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![allow(dead_code, non_camel_case_types, clippy::struct_field_names)]

#[no_implicit_prelude]
mod hostile {
    // Local names that shadow what generated code could reach for without full paths.
    struct Result;
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct Default;
    struct From;
    struct Into;
    struct TryFrom;
    struct TryInto;
    struct Vec;
    struct Box;
    struct Path;
    struct ValidationErrors;
    struct CustomerModel;
    struct core;
    struct std;
    struct serde;
    #[allow(unused_macros)]
    macro_rules! panic {
        ($($t:tt)*) => {};
    }
    #[allow(unused_macros)]
    macro_rules! format {
        ($($t:tt)*) => {};
    }

    #[allow(clippy::unnecessary_wraps)]
    fn always_ok(
        _: &::std::string::String,
    ) -> ::core::result::Result<(), ::customer_core::RuleError> {
        ::core::result::Result::Ok(())
    }

    #[allow(clippy::unnecessary_wraps)]
    fn whole<T>(_: &Signup<'_, T>) -> ::core::result::Result<(), ::customer_core::RuleError> {
        ::core::result::Result::Ok(())
    }

    #[derive(::customer_core::CustomerModel)]
    #[customer(check = whole)]
    pub struct Signup<'a, T> {
        #[customer(length(min = 1, max = 10), pattern = "^[a-z]+$")]
        pub handle: &'a str,
        #[customer(id(prefix = "ctm_", chars = "a-z0-9", len = 26))]
        pub id: ::std::string::String,
        #[customer(pattern = "^(a|b)+$", code = "ab_only", message = "only a and b")]
        pub ab: ::core::option::Option<::std::string::String>,
        #[customer(required, custom = always_ok)]
        pub note: ::core::option::Option<::std::string::String>,
        #[customer(nested)]
        pub address: ::std::vec::Vec<Address>,
        #[customer(each(bytes(max = 8)))]
        pub tags: ::std::vec::Vec<::std::string::String>,
        #[customer(range(min = 1, max = 10))]
        pub quantity: u32,
        #[customer(one_of("a", "b"))]
        pub kind: ::std::borrow::Cow<'a, str>,
        #[customer(skip_nested)]
        pub payload: T,
    }

    #[derive(::customer_core::CustomerModel)]
    pub struct Address {
        #[customer(length(max = 16))]
        pub postal_code: ::std::string::String,
    }

    #[derive(::customer_core::CustomerModel)]
    pub struct Wrapper<M> {
        #[customer(nested)]
        pub inner: ::core::option::Option<M>,
    }

    #[derive(::customer_core::CustomerModel)]
    #[customer(length(min = 1, max = 64))]
    pub struct Handle(::std::string::String);

    #[derive(::customer_core::CustomerModel, ::serde::Serialize, ::serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind {
        Person,
        SmallBusiness,
        #[customer(other)]
        #[serde(untagged)]
        Other(::std::string::String),
    }

    /// An enum whose variants carry data, generic.
    #[derive(::customer_core::CustomerModel)]
    pub enum Party<T> {
        Person {
            #[customer(email, length(max = 64))]
            email: ::std::string::String,
            #[customer(length(max = 64))]
            name: ::core::option::Option<::std::string::String>,
        },
        Business(#[customer(nested)] Address),
        Pair(#[customer(range(max = 9))] u32, #[customer(skip_nested)] T),
        Many {
            #[customer(each(nested), length(max = 3))]
            inner: ::std::vec::Vec<T>,
        },
        Guest,
    }

    #[derive(::customer_core::CustomerModel)]
    #[customer(try_from = Plain, into = Plain)]
    pub struct Checked {
        #[customer(length(max = 3))]
        pub name: ::std::string::String,
    }

    #[derive(Default)]
    pub struct Plain {
        pub name: ::std::string::String,
    }

    pub struct Limits {
        pub name_max: usize,
    }

    #[allow(clippy::unnecessary_wraps)]
    fn within(
        _: &::std::string::String,
        _: &Limits,
    ) -> ::core::result::Result<(), ::customer_core::RuleError> {
        ::core::result::Result::Ok(())
    }

    #[allow(clippy::unnecessary_wraps)]
    fn form_check(
        _: &Form,
        _: &Limits,
    ) -> ::core::result::Result<(), ::customer_core::ValidationErrors> {
        ::core::result::Result::Ok(())
    }

    /// A model with a context, `skip_conversion` and a `try_into` whose field may fail.
    #[derive(::customer_core::CustomerModel)]
    #[customer(context(Limits), check = form_check, into = Plain)]
    pub struct Form {
        #[customer(length(max = ctx.name_max), custom = within)]
        pub name: ::std::string::String,
        #[customer(nested, skip_conversion)]
        pub address: ::core::option::Option<Address>,
        #[customer(length(min = 1), skip_conversion)]
        pub password: ::std::string::String,
    }

    #[derive(::customer_core::CustomerModel, Default)]
    pub struct Target {
        #[customer(length(max = 3))]
        pub label: ::std::string::String,
    }

    #[derive(::customer_core::CustomerModel)]
    #[customer(try_into = Target)]
    pub struct Outgoing {
        #[customer(with = checked_name, maps_to = "label")]
        pub name: ::std::string::String,
    }

    #[allow(clippy::unnecessary_wraps)]
    fn checked_name(
        name: ::std::string::String,
    ) -> ::core::result::Result<::std::string::String, ::customer_core::RuleError> {
        ::core::result::Result::Ok(name)
    }
}

#[test]
fn hostile_surroundings_compile_and_work() {
    use customer_core::CustomerModel;

    let good = hostile::Signup {
        handle: "jo",
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        ab: Some("abba".to_owned()),
        note: Some(String::new()),
        address: vec![hostile::Address {
            postal_code: "1011 AB".to_owned(),
        }],
        tags: vec!["vip".to_owned()],
        quantity: 3,
        kind: "a".into(),
        payload: 7u8,
    };
    assert!(good.validate().is_ok());

    let bad = hostile::Signup {
        handle: "Jo",
        ab: Some("abc".to_owned()),
        note: None,
        quantity: 0,
        ..good
    };
    let errors = bad.validate().unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|v| (v.pointer(), v.code())).collect();
    assert_eq!(
        found,
        [
            ("/handle", "pattern"),
            ("/ab", "ab_only"),
            ("/note", "required"),
            ("/quantity", "range")
        ]
    );
    assert_eq!(errors.violations()[1].message(), "only a and b");

    let wrapped = hostile::Wrapper {
        inner: Some(hostile::Address {
            postal_code: "x".repeat(17),
        }),
    };
    assert_eq!(
        wrapped.validate().unwrap_err().violations()[0].pointer(),
        "/inner/postal_code"
    );

    assert!("".parse::<hostile::Handle>().is_err());
    assert_eq!("jo".parse::<hostile::Handle>().unwrap().to_string(), "jo");
    assert_eq!(
        "small_business".parse::<hostile::Kind>().unwrap().as_str(),
        "small_business"
    );
    assert_eq!("robot".parse::<hostile::Kind>().unwrap().as_str(), "robot");

    let checked = hostile::Checked::try_from(hostile::Plain {
        name: "abcd".to_owned(),
    });
    assert_eq!(checked.err().unwrap().violations()[0].pointer(), "/name");
    let plain: hostile::Plain = hostile::Checked::try_from(hostile::Plain {
        name: "abc".to_owned(),
    })
    .unwrap()
    .into();
    assert_eq!(plain.name, "abc");

    let form = hostile::Form {
        name: "Josephine".to_owned(),
        address: None,
        password: String::new(),
    };
    let errors =
        customer_core::CustomerModelWith::validate_with(&form, &hostile::Limits { name_max: 4 })
            .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|v| (v.pointer(), v.code())).collect();
    assert_eq!(found, [("/name", "length"), ("/password", "length")]);
    let plain: hostile::Plain = form.into();
    assert_eq!(plain.name, "Josephine");

    let errors = hostile::Target::try_from(hostile::Outgoing {
        name: "abcd".to_owned(),
    })
    .err()
    .unwrap();
    assert_eq!(errors.violations()[0].pointer(), "/name");
}
