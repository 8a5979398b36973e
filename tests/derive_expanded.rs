//! GENERATED from tests/expanded/models.rs by customer-derive's test
//! `expanded::the_committed_expansion_is_current`; do not edit. Regenerate with
//! `CUSTOMER_BLESS=1 cargo test -p customer-derive expanded`.
//!
//! The derive's output as ordinary code, so that the lints below judge it. The derive puts
//! clippy's allows under `cfg_attr(clippy, ..)`, so that rustc does not check their names on
//! every build; clippy does not lint that in a macro's output, only in this copy.

#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![allow(clippy::unnecessary_clippy_cfg)]

use customer_core::{CustomerModel, RuleError, ValidationErrors};
#[allow(clippy::unnecessary_wraps)]
fn always_ok(_: &str) -> Result<(), RuleError> {
    Ok(())
}
#[allow(clippy::unnecessary_wraps)]
fn whole<T>(_: &Signup<'_, T>) -> Result<(), RuleError> {
    Ok(())
}
pub struct Signup<'a, T> {
    pub handle: &'a str,
    pub id: String,
    pub ab: Option<String>,
    pub note: Option<String>,
    pub email: String,
    pub locale: String,
    pub metadata: Option<serde_json::Value>,
    pub address: Vec<Address>,
    pub tags: Vec<String>,
    pub quantity: u32,
    pub kind: std::borrow::Cow<'a, str>,
    pub country: Option<String>,
    pub payload: T,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl<'a, T> __p::Composite for Signup<'a, T> {}
    #[automatically_derived]
    impl<'a, T> __p::CustomerModel for Signup<'a, T> {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.handle, __customer_at.key("handle"));
            Self::__customer_rules_1(&self.id, __customer_at.key("id"));
            Self::__customer_rules_2(&self.ab, __customer_at.key("ab"));
            Self::__customer_rules_3(&self.note, __customer_at.key("note"));
            Self::__customer_rules_4(&self.email, __customer_at.key("email"));
            Self::__customer_rules_5(&self.locale, __customer_at.key("locale"));
            Self::__customer_rules_6(&self.metadata, __customer_at.key("metadata"));
            <Vec<Address> as __p::CustomerModel>::validate_into(
                &self.address,
                &__p::Path::key(__customer_path, "address"),
                __customer_at.2,
            );
            Self::__customer_rules_8(&self.tags, __customer_at.key("tags"));
            Self::__customer_rules_9(&self.quantity, __customer_at.key("quantity"));
            Self::__customer_rules_10(&self.kind, __customer_at.key("kind"));
            Self::__customer_rules_11(&self.country, __customer_at.key("country"));
            __p::CheckOutcome::report_at(whole(self), __customer_path, __customer_at.2);
        }
    }
    impl<'a, T> Signup<'a, T> {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &&'a str, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::Some(1usize),
                __p::Some(10usize),
            ));
            __customer_at.fail(__p::rules::pattern::check_simple(
                __customer_field,
                &const {
                    __p::rules::pattern::Simple::new(
                        "",
                        __p::rules::id::AsciiSet::from_ranges(&[(b'a', b'z')]),
                        1usize,
                        ::core::primitive::usize::MAX,
                        "",
                        "^[a-z]+$",
                    )
                },
            ));
        }
        #[inline(always)]
        fn __customer_rules_1(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail({
                const __CUSTOMER_ID: __p::rules::id::IdShape = __p::rules::id::IdShape {
                    prefix: "ctm_",
                    chars: __p::rules::id::AsciiSet::from_ranges(&[(b'0', b'9'), (b'a', b'z')]),
                    min_len: 26usize,
                    max_len: 26usize,
                    chars_spec: "a-z0-9",
                };
                __p::rules::id::check(__customer_field, &__CUSTOMER_ID)
            });
        }
        #[inline(always)]
        fn __customer_rules_2(__customer_field: &Option<String>, mut __customer_at: __p::At<&str>) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::overridden(
                    {
                        static __CUSTOMER_REGEX: __p::rules::pattern::LazyRegex =
                            __p::rules::pattern::LazyRegex::new("\\A(?:^(a|b)+$)\\z", "^(a|b)+$");
                        __p::rules::pattern::check(__customer_value, &__CUSTOMER_REGEX)
                    },
                    __p::Some("ab_only"),
                    __p::Some("only a and b"),
                ));
            }
        }
        #[inline(always)]
        fn __customer_rules_3(__customer_field: &Option<String>, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::required::present(__p::Option::is_some(
                __customer_field,
            )));
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail({
                    let __customer_custom: fn(&_) -> __p::Result<(), __p::RuleError> = always_ok;
                    __customer_custom(__customer_value)
                });
            }
        }
        #[inline(always)]
        fn __customer_rules_4(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::email::check(
                __customer_field,
                &__p::rules::email::EmailOptions {
                    max: 254usize,
                    ascii: false,
                    quoted: false,
                },
            ));
        }
        #[inline(always)]
        fn __customer_rules_5(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::locale::check_short(__customer_field));
        }
        #[inline(always)]
        fn __customer_rules_6(
            __customer_field: &Option<serde_json::Value>,
            mut __customer_at: __p::At<&str>,
        ) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail({
                    use __p::{MetadataViaSerialize as _, MetadataViaValue as _};
                    (&__p::MetadataProbe(__customer_value)).check_metadata(1024usize)
                });
            }
        }
        #[inline(always)]
        fn __customer_each_8(
            __customer_item: &<Vec<String> as __p::Elements>::Item,
            mut __customer_at: __p::At<'_, &str>,
            __customer_index: usize,
        ) {
            __customer_at.fail_at(
                __customer_index,
                __p::rules::bytes::check(__customer_item, __p::None, __p::Some(8usize)),
            );
        }
        #[inline(always)]
        fn __customer_rules_8(__customer_field: &Vec<String>, mut __customer_at: __p::At<&str>) {
            __p::each_key(
                __p::Elements::elements(__customer_field),
                &mut __customer_at,
                Self::__customer_each_8,
            );
        }
        #[inline(always)]
        fn __customer_rules_9(__customer_field: &u32, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::range::check(
                __customer_field,
                __p::Some(&(1)),
                __p::Some(&(10)),
            ));
        }
        #[inline(always)]
        fn __customer_rules_10(
            __customer_field: &std::borrow::Cow<'a, str>,
            mut __customer_at: __p::At<&str>,
        ) {
            __customer_at.fail(__p::rules::one_of::check(__customer_field, &["a", "b"]));
        }
        #[inline(always)]
        fn __customer_rules_11(
            __customer_field: &Option<String>,
            mut __customer_at: __p::At<&str>,
        ) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::rules::country::check(__customer_value));
            }
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl<'a, T> __s::Shape for Signup<'a, T> {
        const __KIND: __s::JsonKind = __s::JsonKind::Unknown;
        const __NAMED: bool = true;
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            let __probe_0 = &&__s::ShapeProbe::<String>::SAID;
            let __probe_1 = &&__s::ShapeProbe::<Option<String>>::SAID;
            __s::Named::new(
                &[
                    (&&__s::ShapeProbe::<&'a str>::SAID).field_unread(&["handle"], 0),
                    __probe_0.field_rules(&["id"], 0, &__s::Ruled(Self::__customer_rules_1)),
                    __probe_1.field_rules(
                        &["ab"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_2),
                    ),
                    __probe_1.field_rules(
                        &["note"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_3),
                    ),
                    __probe_0.field_rules(&["email"], 0, &__s::Ruled(Self::__customer_rules_4)),
                    __probe_0.field_rules(&["locale"], 0, &__s::Ruled(Self::__customer_rules_5)),
                    (&&__s::ShapeProbe::<Option<serde_json::Value>>::SAID).field_rules(
                        &["metadata"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_6),
                    ),
                    (&&__s::ShapeProbe::<Vec<Address>>::NEW)
                        .field(&["address"], __s::ONE_WALK | __s::NESTED),
                    (&&__s::ShapeProbe::<Vec<String>>::SAID).field_rules(
                        &["tags"],
                        0,
                        &__s::RuledEach(Self::__customer_rules_8, 0, Self::__customer_each_8),
                    ),
                    (&&__s::ShapeProbe::<u32>::SAID).field_rules(
                        &["quantity"],
                        0,
                        &__s::Ruled(Self::__customer_rules_9),
                    ),
                    (&&__s::ShapeProbe::<std::borrow::Cow<'static, str>>::SAID).field_rules(
                        &["kind"],
                        0,
                        &__s::Ruled(Self::__customer_rules_10),
                    ),
                    __probe_1.field_rules(
                        &["country"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_11),
                    ),
                    (&&__s::ShapeProbe::<T>::NEW).field_unread(&["payload"], 0),
                ],
                __s::no_check,
                __p::None,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl < 'a , T > __p :: schemars :: JsonSchema for Signup < 'a , T > where T : __p :: schemars :: JsonSchema { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Signup" , & [< T as __p :: schemars :: JsonSchema > :: schema_name ()]) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Signup" , & [< T as __p :: schemars :: JsonSchema > :: schema_id ()] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < & 'a str > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: Some (1usize) , __p :: Some (10usize)) ; __sc :: pattern (& mut __customer_owned , "^[a-z]+$") ; __customer_object . property ("handle" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: pattern (& mut __customer_owned , "^ctm_[0-9a-z]{26}$") ; __customer_object . property ("id" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: pattern (& mut __customer_owned , "^(?:[ab])+$") ; __customer_object . property ("ab" , __customer_owned , false) ; } { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: custom (& mut __customer_owned , "always_ok") ; __customer_object . property ("note" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: email (& mut __customer_owned , 254usize , false , false) ; __customer_object . property ("email" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: locale (& mut __customer_owned , true) ; __customer_object . property ("locale" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < serde_json :: Value > > :: NEW) . subschema (__customer_gen) ; __sc :: metadata (& mut __customer_owned , __p :: Some (1024usize) , false) ; __customer_object . property ("metadata" , __customer_owned , false) ; } __customer_object . property ("address" , (& __sc :: Probe :: < Vec < Address > > :: NEW) . subschema (__customer_gen) , true) ; { let mut __customer_owned = (& __sc :: Probe :: < Vec < String > > :: NEW) . subschema (__customer_gen) ; __sc :: each (& mut __customer_owned , | __customer_items : & mut __p :: schemars :: Schema | { __sc :: bytes (__customer_items , __p :: None , __p :: Some (8usize)) ; }) ; __customer_object . property ("tags" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < u32 > :: NEW) . subschema (__customer_gen) ; __sc :: range (& mut __customer_owned , __p :: Some (__sc :: bound (& (1))) , __p :: Some (__sc :: bound (& (10)))) ; __customer_object . property ("quantity" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < std :: borrow :: Cow < 'a , str > > :: NEW) . subschema (__customer_gen) ; __sc :: one_of (& mut __customer_owned , & ["a" , "b"] , false) ; __customer_object . property ("kind" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: country (& mut __customer_owned , true) ; __customer_object . property ("country" , __customer_owned , false) ; } __customer_object . property ("payload" , __sc :: unvalidated_model () , true) ; __sc :: check (__customer_object . schema_mut () , "whole") ; __customer_object . finish (__customer_gen) } } }
};
pub struct Address {
    pub postal_code: String,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub seen_at: Option<String>,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Address {}
    #[automatically_derived]
    impl __p::CustomerModel for Address {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.postal_code, __customer_at.key("postal_code"));
            Self::__customer_rules_1(&self.phone, __customer_at.key("phone"));
            Self::__customer_rules_2(&self.website, __customer_at.key("website"));
            Self::__customer_rules_3(&self.seen_at, __customer_at.key("seen_at"));
        }
    }
    impl Address {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(16usize),
            ));
        }
        #[inline(always)]
        fn __customer_rules_1(__customer_field: &Option<String>, mut __customer_at: __p::At<&str>) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::rules::phone::check(__customer_value));
            }
        }
        #[inline(always)]
        fn __customer_rules_2(__customer_field: &Option<String>, mut __customer_at: __p::At<&str>) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::rules::url::check(__customer_value));
            }
        }
        #[inline(always)]
        fn __customer_rules_3(__customer_field: &Option<String>, mut __customer_at: __p::At<&str>) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::rules::timestamp::check(__customer_value));
            }
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Address {
        const __KEYS: __s::Keys = __s::Keys::named(&["postal_code", "phone", "website", "seen_at"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Address@", ::core::line!()),
                true,
                &[
                    __s::ShapeProbe::<String>::EXACT,
                    __s::ShapeProbe::<Option<String>>::EXACT,
                ],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            let __probe_0 = &&__s::ShapeProbe::<Option<String>>::SAID;
            __s::Named::new(
                &[
                    (&&__s::ShapeProbe::<String>::SAID).field_rules(
                        &["postal_code"],
                        0,
                        &__s::Ruled(Self::__customer_rules_0),
                    ),
                    __probe_0.field_rules(
                        &["phone"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_1),
                    ),
                    __probe_0.field_rules(
                        &["website"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_2),
                    ),
                    __probe_0.field_rules(
                        &["seen_at"],
                        __s::MAY_MISS,
                        &__s::Ruled(Self::__customer_rules_3),
                    ),
                ],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Address { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Address" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Address" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (16usize)) ; __customer_object . property ("postal_code" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: phone (& mut __customer_owned) ; __customer_object . property ("phone" , __customer_owned , false) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: url (& mut __customer_owned) ; __customer_object . property ("website" , __customer_owned , false) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: timestamp (& mut __customer_owned) ; __customer_object . property ("seen_at" , __customer_owned , false) ; } __customer_object . finish (__customer_gen) } } }
};
#[derive(Debug)]
pub struct Email(String);
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::CustomerModel for Email {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            {
                let __customer_value = &self.0;
                __p::fail(
                    __customer_report,
                    __customer_path,
                    __p::rules::email::check(
                        __customer_value,
                        &__p::rules::email::EmailOptions::DEFAULT,
                    ),
                );
            }
        }
    }
    #[automatically_derived]
    impl ::core::ops::Deref for Email {
        type Target = str;
        #[inline]
        fn deref(&self) -> &str {
            &self.0
        }
    }
    #[automatically_derived]
    impl __p::serde::Serialize for Email {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            serializer: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            __p::serde::Serialize::serialize(&self.0, serializer)
        }
    }
    #[automatically_derived]
    impl ::core::convert::TryFrom<String> for Email {
        type Error = __p::ValidationErrors;
        fn try_from(value: String) -> __p::Result<Self, Self::Error> {
            let value = Email(value);
            __p::CustomerModel::validate(&value)?;
            __p::Ok(value)
        }
    }
    #[automatically_derived]
    impl<'de> __p::serde::Deserialize<'de> for Email {
        fn deserialize<__D: __p::serde::Deserializer<'de>>(
            deserializer: __D,
        ) -> __p::Result<Self, __D::Error> {
            __p::deserialize_checked::<Self, String, __D>(deserializer)
        }
    }
    #[automatically_derived]
    impl ::core::convert::TryFrom<&str> for Email {
        type Error = __p::ValidationErrors;
        fn try_from(value: &str) -> __p::Result<Self, Self::Error> {
            <Self as ::core::convert::TryFrom<String>>::try_from(::core::convert::From::from(value))
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Email {
        type Err = __p::ValidationErrors;
        fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
            <Self as ::core::convert::TryFrom<&str>>::try_from(value)
        }
    }
    #[automatically_derived]
    impl ::core::convert::AsRef<str> for Email {
        #[inline]
        fn as_ref(&self) -> &str {
            &self.0
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Email {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(&self.0)
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<Email> for String {
        fn from(value: Email) -> String {
            value.0
        }
    }
    #[automatically_derived]
    impl __p::rules::Text for Email {
        #[inline]
        fn text(&self) -> &str {
            &self.0
        }
    }
    #[automatically_derived]
    impl __p::rules::HasLength for Email {
        #[inline]
        fn length(&self) -> usize {
            __p::rules::char_count(&self.0)
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Email {
        const __KIND: __s::JsonKind = __s::JsonKind::NotObject;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __s::via_read::*;
            if !(&&__s::ShapeProbe::<String>::NEW).shape(__node, __path, __report, false) {
                return false;
            }
            if let __p::Some(__inner) =
                (&__s::ReadProbe::<String>::NEW).read_node(__node, __path, __report)
            {
                if let __p::Err(__errors) =
                    <Self as ::core::convert::TryFrom<String>>::try_from(__inner)
                {
                    __p::Absorb::absorb(__errors, __path, &mut __report.shapes);
                    return false;
                }
            }
            true
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Email { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Email" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Email" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . inline (__customer_gen) ; __sc :: email (& mut __customer_owned , 320usize , false , false) ; __customer_owned } } } }
};
#[derive(serde :: Serialize, serde :: Deserialize, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Person,
    SmallBusiness,
    #[serde(untagged)]
    Other(String),
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    impl Kind {
        #[doc = r" The name of this value on the wire."]
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Kind::Person => "person",
                Kind::SmallBusiness => "small_business",
                Kind::Other(value) => value,
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Kind {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Kind {
        type Err = ::core::convert::Infallible;
        fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
            match value {
                "person" => __p::Ok(Kind::Person),
                "small_business" => __p::Ok(Kind::SmallBusiness),
                _ => __p::Ok(Kind::Other(::core::convert::From::from(value))),
            }
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Kind {
        #[inline]
        fn validate_into(&self, _: &__p::Path<'_>, _: &mut __p::ValidationErrors) {}
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Kind {
        const __KIND: __s::JsonKind = __s::JsonKind::NotObject;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            const __SHAPE: __p::shape::UnitEnum = __p::shape::UnitEnum {
                names: &["person", "small_business"],
                accepted: &["person", "small_business"],
                any_name: false,
                null: false,
                any_string: true,
            };
            let _ = __rules;
            __p::shape::external(__node, __path, __report, &__SHAPE)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Kind { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Kind" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Kind" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; __sc :: string_enum ("" , & ["person" , "small_business"] , true) } } }
};
#[derive(Default)]
pub struct Plain {
    pub name: String,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::CustomerModel for Plain {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Plain {
        const __KEYS: __s::Keys = __s::Keys::named(&["name"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Plain@", ::core::line!()),
                true,
                &[__s::ShapeProbe::<String>::EXACT],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            __s::Named::new(
                &[(&&__s::ShapeProbe::<String>::SAID).field(&["name"], 0)],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Plain { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Plain" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Plain" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; __customer_object . property ("name" , (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) , true) ; __customer_object . finish (__customer_gen) } } }
};
pub struct Checked {
    pub name: String,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Checked {}
    #[automatically_derived]
    impl __p::CustomerModel for Checked {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.name, __customer_at.key("name"));
        }
    }
    impl Checked {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(3usize),
            ));
        }
    }
    #[automatically_derived]
    impl ::core::convert::TryFrom<Plain> for Checked {
        type Error = __p::ValidationErrors;
        #[cfg_attr(clippy, allow(clippy::needless_update))]
        fn try_from(__customer_source: Plain) -> __p::Result<Self, __p::ValidationErrors> {
            let mut __customer_report = __p::ValidationErrors::new();
            let __customer_f0 = __p::convert_field(
                __customer_source.name,
                &__p::Path::key(&__p::Path::ROOT, "name"),
                &mut __customer_report,
            );
            match (__customer_f0,) {
                (__p::Some(__customer_f0),) => {
                    let __customer_value = Checked {
                        name: __customer_f0,
                    };
                    if let __p::Err(__customer_errors) =
                        __p::CustomerModel::validate(&__customer_value)
                    {
                        __p::in_source_names(__customer_errors, &[], &[], &mut __customer_report);
                        return __p::Err(__customer_report);
                    }
                    __p::Ok(__customer_value)
                }
                #[allow(unreachable_patterns)]
                (__customer_f0,) => {
                    if let __p::Some(__customer_converted) = &__customer_f0 {
                        Self::__customer_rules_0(
                            __customer_converted,
                            __p::At(&__p::Path::ROOT, "name", &mut __customer_report),
                        );
                    }
                    __p::Err(__customer_report)
                }
            }
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<Checked> for Plain {
        #[cfg_attr(clippy, allow(clippy::needless_update))]
        fn from(__customer_source: Checked) -> Self {
            Plain {
                name: ::core::convert::Into::into(__customer_source.name),
                ..::core::default::Default::default()
            }
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Checked {
        const __KEYS: __s::Keys = __s::Keys::named(&["name"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Checked@", ::core::line!()),
                true,
                &[__s::ShapeProbe::<String>::EXACT],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            __s::Named::new(
                &[(&&__s::ShapeProbe::<String>::SAID).field_rules(
                    &["name"],
                    0,
                    &__s::Ruled(Self::__customer_rules_0),
                )],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Checked { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Checked" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Checked" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (3usize)) ; __customer_object . property ("name" , __customer_owned , true) ; } __customer_object . finish (__customer_gen) } } }
};
pub struct Limits {
    pub name_max: usize,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::CustomerModel for Limits {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Limits {
        const __KEYS: __s::Keys = __s::Keys::named(&["name_max"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Limits@", ::core::line!()),
                true,
                &[__s::ShapeProbe::<usize>::EXACT],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            __s::Named::new(
                &[(&&__s::ShapeProbe::<usize>::SAID).field(&["name_max"], 0)],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Limits { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Limits" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Limits" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; __customer_object . property ("name_max" , (& __sc :: Probe :: < usize > :: NEW) . subschema (__customer_gen) , true) ; __customer_object . finish (__customer_gen) } } }
};
#[allow(clippy::unnecessary_wraps)]
fn form_check(_: &Form, _: &Limits) -> Result<(), ValidationErrors> {
    Ok(())
}
pub struct Form {
    pub name: String,
    pub address: Option<Address>,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::CustomerModelWith<Limits> for Form {
        #[inline]
        fn validate_into_with(
            &self,
            ctx: &Limits,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let _ = ctx;
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.name, ctx, __customer_at.key("name"));
            {
                use __p::{NestedViaContext as _, NestedViaPlain as _};
                (&__p::NestedProbe::<_, Limits>(&self.address, ctx))
                    .nested_into(&__p::Path::key(__customer_path, "address"), __customer_at.2);
            }
            __p::CheckOutcome::report_at(form_check(self, ctx), __customer_path, __customer_at.2);
        }
        #[inline]
        fn __context_any(ctx: &Limits) -> __p::Option<&dyn ::core::any::Any> {
            use __s::{ContextViaAny as _, ContextViaNothing as _};
            (&__s::ContextProbe::<Limits>::NEW).erase(ctx)
        }
    }
    impl Form {
        #[doc = r" Not callable: this model's rules read a context, so it is validated with"]
        #[doc = r" `validate_with(&ctx)`. Here so that `validate()` is a compile error that says so."]
        #[doc = r""]
        #[doc = r" # Errors"]
        #[doc = r""]
        #[doc = r" None: it cannot be called."]
        #[doc(hidden)]
        #[allow(dead_code)]
        #[cfg_attr(clippy, allow(clippy::unused_self))]
        pub fn validate(&self) -> __p::Result<(), __p::ValidationErrors>
        where
            for<'__customer> &'__customer Self: __p::ContextNeeded<Self>,
        {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl __p::ModelContext for Form {
        type Context = Limits;
        #[inline]
        fn validate_in_context(&self, ctx: &Limits) -> __p::Result<(), __p::ValidationErrors> {
            __p::CustomerModelWith::<Limits>::validate_with(self, ctx)
        }
        #[inline]
        fn __context_any(ctx: &Limits) -> __p::Option<&dyn ::core::any::Any> {
            <Self as __p::CustomerModelWith<Limits>>::__context_any(ctx)
        }
    }
    #[automatically_derived]
    impl __p::Composite for Form {}
    impl Form {
        #[inline(always)]
        fn __customer_rules_0(
            __customer_field: &String,
            ctx: &Limits,
            mut __customer_at: __p::At<&str>,
        ) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some({
                    let __customer_count: usize = ctx.name_max;
                    __customer_count
                }),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Form {
        const __KEYS: __s::Keys = __s::Keys::named(&["name", "address"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Form@", ::core::line!()),
                true,
                &[
                    __s::ShapeProbe::<String>::EXACT,
                    __s::ShapeProbe::<Option<Address>>::EXACT,
                ],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            __s::Named {
                fields: &[
                    (&&__s::ShapeProbe::<String>::SAID).field_rules(
                        &["name"],
                        0,
                        &__s::RuledWith(Self::__customer_rules_0),
                    ),
                    (&&__s::ShapeProbe::<Option<Address>>::NEW)
                        .field(&["address"], __s::MAY_MISS | __s::ONE_WALK | __s::NESTED),
                ],
                check: __s::no_check,
                whole: __p::Some(|__object, __path, __report| {
                    (&__p::shape::ReadProbe::<Self>::NEW).checked_with(
                        __object,
                        __path,
                        __report,
                        |__whole, ctx, __path, __report| {
                            __p::CheckOutcome::report_at(
                                form_check(__whole, ctx),
                                __path,
                                __report,
                            );
                        },
                    )
                }),
                checks: true,
                deny: false,
            }
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Form { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Form" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Form" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: None) ; __sc :: runtime_bound (& mut __customer_owned , "length" , "max" , "ctx.name_max") ; __customer_object . property ("name" , __customer_owned , true) ; } __customer_object . property ("address" , (& __sc :: Probe :: < Option < Address > > :: NEW) . subschema (__customer_gen) , false) ; __sc :: check (__customer_object . schema_mut () , "form_check") ; __customer_object . finish (__customer_gen) } } }
};
#[derive(serde :: Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub line1: String,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Place {}
    #[automatically_derived]
    impl __p::CustomerModel for Place {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.line1, __customer_at.key("line1"));
        }
    }
    impl Place {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(8usize),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Place {
        const __KEYS: __s::Keys = __s::Keys::named(&["line1"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Place@", ::core::line!()),
                true,
                &[__s::ShapeProbe::<String>::EXACT],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        const __DENY_UNKNOWN: bool = true;
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            __s::Named::new(
                &[(&&__s::ShapeProbe::<String>::SAID).field_rules(
                    &["line1"],
                    0,
                    &__s::Ruled(Self::__customer_rules_0),
                )],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Place { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Place" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Place" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (8usize)) ; __customer_object . property ("line1" , __customer_owned , true) ; } __customer_object . deny_unknown_fields () ; __customer_object . finish (__customer_gen) } } }
};
#[allow(clippy::unnecessary_wraps)]
fn place_ok(_: &Place) -> Result<(), RuleError> {
    Ok(())
}
fn two_codes() -> Vec<String> {
    vec!["ab".into(), "cd".into()]
}
#[doc = " Fields whose second-read rules are holders of `customer_core` without a rules function of"]
#[doc = " their own kind: `each(...)` with a default, `length` beside `each(...)`, `nested` with"]
#[doc = " another rule (its rules function takes whether the model is validated)."]
#[derive(serde :: Deserialize)]
pub struct Holders {
    #[serde(default = "two_codes")]
    pub codes: Vec<String>,
    pub tags: Vec<String>,
    pub place: Option<Place>,
    #[serde(default)]
    pub places: Vec<Place>,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Holders {}
    #[automatically_derived]
    impl __p::CustomerModel for Holders {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.codes, __customer_at.key("codes"));
            Self::__customer_rules_1(&self.tags, __customer_at.key("tags"));
            Self::__customer_rules_2(&self.place, __customer_at.key("place"), true);
            Self::__customer_rules_3(&self.places, __customer_at.key("places"), true);
        }
    }
    impl Holders {
        #[inline(always)]
        fn __customer_each_0(
            __customer_item: &<Vec<String> as __p::Elements>::Item,
            mut __customer_at: __p::At<'_, &str>,
            __customer_index: usize,
        ) {
            __customer_at.fail_at(
                __customer_index,
                __p::rules::length::check(__customer_item, __p::None, __p::Some(2usize)),
            );
        }
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &Vec<String>, mut __customer_at: __p::At<&str>) {
            __p::each_key(
                __p::Elements::elements(__customer_field),
                &mut __customer_at,
                Self::__customer_each_0,
            );
        }
        #[inline(always)]
        fn __customer_each_1(
            __customer_item: &<Vec<String> as __p::Elements>::Item,
            mut __customer_at: __p::At<'_, &str>,
            __customer_index: usize,
        ) {
            __customer_at.fail_at(
                __customer_index,
                __p::rules::length::check(__customer_item, __p::None, __p::Some(2usize)),
            );
        }
        #[inline(always)]
        fn __customer_rules_1(__customer_field: &Vec<String>, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(3usize),
            ));
            __p::each_key(
                __p::Elements::elements(__customer_field),
                &mut __customer_at,
                Self::__customer_each_1,
            );
        }
        #[inline(always)]
        fn __customer_rules_2(
            __customer_field: &Option<Place>,
            mut __customer_at: __p::At<&str>,
            __customer_models: bool,
        ) {
            if __customer_models {
                <Option<Place> as __p::CustomerModel>::validate_into(
                    __customer_field,
                    &__p::Place::below(__customer_at.1, __customer_at.0),
                    __customer_at.2,
                );
            }
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail({
                    let __customer_custom: fn(&_) -> __p::Result<(), __p::RuleError> = place_ok;
                    __customer_custom(__customer_value)
                });
            }
        }
        #[inline(always)]
        fn __customer_rules_3(
            __customer_field: &Vec<Place>,
            mut __customer_at: __p::At<&str>,
            __customer_models: bool,
        ) {
            if __customer_models {
                {
                    let mut __customer_items = __p::Items::new(__customer_at.2);
                    for (__customer_index, __customer_item) in
                        ::core::iter::Iterator::enumerate(__p::Elements::elements(__customer_field))
                    {
                        __customer_items.item(__customer_at.2);
                        __p::CustomerModel::validate_into(
                            __customer_item,
                            &__p::Path::index(
                                &__p::Place::below(__customer_at.1, __customer_at.0),
                                __customer_index,
                            ),
                            __customer_at.2,
                        );
                    }
                }
            }
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(2usize),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Holders {
        const __KEYS: __s::Keys = __s::Keys::named(&["codes", "tags", "place", "places"]);
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Holders@", ::core::line!()),
                true,
                &[
                    __s::ShapeProbe::<Vec<String>>::EXACT,
                    __s::ShapeProbe::<Option<Place>>::EXACT,
                    __s::ShapeProbe::<Vec<Place>>::EXACT,
                ],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape_flat(__w: __s::Flat) -> bool {
            use __s::via_read::*;
            let __probe_0 = &&__s::ShapeProbe::<Vec<String>>::SAID;
            __s::Named::new(
                &[
                    __probe_0.field_rules(
                        &["codes"],
                        __s::MAY_MISS,
                        &__s::Or(
                            __s::RuledEach(Self::__customer_rules_0, 0, Self::__customer_each_0),
                            || __p::Some(two_codes()),
                        ),
                    ),
                    __probe_0.field_rules(
                        &["tags"],
                        0,
                        &__s::RuledEachLen(
                            Self::__customer_rules_1,
                            0,
                            Self::__customer_each_1,
                            __s::array_len,
                            __p::None,
                            __p::Some(3usize),
                            true,
                            __s::read_missing,
                        ),
                    ),
                    (&&__s::ShapeProbe::<Option<Place>>::NEW).field_rules(
                        &["place"],
                        __s::MAY_MISS | __s::NESTED,
                        &__s::RuledModel(Self::__customer_rules_2, __p::None, __p::None),
                    ),
                    (&&__s::ShapeProbe::<Vec<Place>>::NEW).field_rules(
                        &["places"],
                        __s::MAY_MISS | __s::NESTED,
                        &__s::RuledModel(
                            Self::__customer_rules_3,
                            __p::Some((0, __s::array_len, __p::None, __p::Some(2usize))),
                            __p::Some(|| __p::Some(::core::default::Default::default())),
                        ),
                    ),
                ],
                __s::no_check,
                __s::ReadProbe::<Self>::WHOLE,
            )
            .walk(__w)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Holders { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Holders" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Holders" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("Fields whose second-read rules are holders of `customer_core` without a rules function of their own kind: `each(...)` with a default, `length` beside `each(...)`, `nested` with another rule (its rules function takes whether the model is validated).") ; { let mut __customer_owned = (& __sc :: Probe :: < Vec < String > > :: NEW) . subschema (__customer_gen) ; __sc :: each (& mut __customer_owned , | __customer_items : & mut __p :: schemars :: Schema | { __sc :: length (__customer_items , & * __customer_gen , __p :: None , __p :: Some (2usize)) ; }) ; __customer_object . property ("codes" , __customer_owned , false) ; } { let mut __customer_owned = (& __sc :: Probe :: < Vec < String > > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (3usize)) ; __sc :: each (& mut __customer_owned , | __customer_items : & mut __p :: schemars :: Schema | { __sc :: length (__customer_items , & * __customer_gen , __p :: None , __p :: Some (2usize)) ; }) ; __customer_object . property ("tags" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < Place > > :: NEW) . subschema (__customer_gen) ; __sc :: custom (& mut __customer_owned , "place_ok") ; __customer_object . property ("place" , __customer_owned , false) ; } { let mut __customer_owned = (& __sc :: Probe :: < Vec < Place > > :: NEW) . subschema (__customer_gen) ; __sc :: each (& mut __customer_owned , | __customer_items : & mut __p :: schemars :: Schema | { }) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (2usize)) ; __customer_object . property ("places" , __customer_owned , false) ; } __customer_object . finish (__customer_gen) } } }
};
#[allow(clippy::unnecessary_wraps)]
fn line_check(_: &Line) -> Result<(), RuleError> {
    Ok(())
}
fn as_read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    serde::Deserialize::deserialize(deserializer)
}
#[doc = " A tuple struct: an array of the fields serde reads."]
#[derive(serde :: Deserialize)]
pub struct Line(
    pub String,
    #[serde(deserialize_with = "as_read")] pub String,
    pub Place,
    #[serde(skip)] pub u8,
    #[serde(default)] pub u8,
);
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Line {}
    impl Line {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<String>::NEW).said();
            (&__p::SaidProbe::<u8>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Line {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.0, __customer_at.index(0usize));
            Self::__customer_rules_1(&self.1, __customer_at.index(1usize));
            <Place as __p::CustomerModel>::validate_into(
                &self.2,
                &__p::Path::index(__customer_path, 2usize),
                __customer_at.2,
            );
            Self::__customer_rules_4(&self.4, __customer_at.index(3usize));
            __p::CheckOutcome::report_at(line_check(self), __customer_path, __customer_at.2);
        }
    }
    impl Line {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<usize>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(5usize),
            ));
        }
        #[inline(always)]
        fn __customer_rules_1(__customer_field: &String, mut __customer_at: __p::At<usize>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(3usize),
            ));
        }
        #[inline(always)]
        fn __customer_rules_4(__customer_field: &u8, mut __customer_at: __p::At<usize>) {
            __customer_at.fail(__p::rules::range::check(
                __customer_field,
                __p::None,
                __p::Some(&(9)),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Line {
        const __KIND: __s::JsonKind = __s::JsonKind::NotObject;
        const __ONE_WALK: bool = true;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __s::via_read::*;
            __s::Elements {
                fields: &[
                    (&&__s::ShapeProbe::<String>::SAID).field_rules(
                        &[],
                        0,
                        &__s::RuledAt(Self::__customer_rules_0),
                    ),
                    __s::Field::read_by(&[], 0, |__v, __p, __r, _| {
                        ::core::option::Option::is_some(&__s::read_with(
                            __v,
                            __p,
                            __r,
                            |__d| -> ::core::result::Result<String, __p::serde_json::Error> {
                                as_read(__d)
                            },
                        ))
                    })
                    .read_rules_at(&__s::RuledAtBy(
                        |__v, __p, __r| {
                            __s::read_with(
                                __v,
                                __p,
                                __r,
                                |__d| -> ::core::result::Result<String, __p::serde_json::Error> {
                                    as_read(__d)
                                },
                            )
                        },
                        || ::core::option::Option::None,
                        Self::__customer_rules_1,
                    )),
                    (&&__s::ShapeProbe::<Place>::NEW).field(&[], __s::ONE_WALK | __s::NESTED),
                    (&&__s::ShapeProbe::<u8>::SAID).field_rules(
                        &[],
                        __s::MAY_MISS,
                        &__s::Or(__s::RuledAt(Self::__customer_rules_4), || {
                            ::core::option::Option::Some(::core::default::Default::default())
                        }),
                    ),
                ],
                check: __s::no_element_check,
                whole: __p::Some(|__object, __path, __report| {
                    (&__p::shape::ReadProbe::<Self>::NEW).checked(
                        __object,
                        __path,
                        __report,
                        |__whole, __path, __report| {
                            __p::CheckOutcome::report_at(line_check(__whole), __path, __report);
                        },
                    )
                }),
                checks: true,
            }
            .walk(__node, __path, __report, __rules)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Line { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Line" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Line" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_owned = __sc :: tuple ("A tuple struct: an array of the fields serde reads." , :: std :: vec ! [{ let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (5usize)) ; __customer_owned } , { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (3usize)) ; __customer_owned } , (& __sc :: Probe :: < Place > :: NEW) . subschema (__customer_gen) , { let mut __customer_owned = (& __sc :: Probe :: < u8 > :: NEW) . subschema (__customer_gen) ; __sc :: range (& mut __customer_owned , __p :: None , __p :: Some (__sc :: bound (& (9)))) ; __customer_owned }]) ; __sc :: check (& mut __customer_owned , "line_check") ; __customer_owned } } }
};
#[doc = " Read as its one field."]
#[derive(serde :: Deserialize)]
#[serde(transparent)]
pub struct Wrapped {
    pub place: Place,
    #[serde(skip)]
    pub marker: std::marker::PhantomData<u8>,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Wrapped {}
    impl Wrapped {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<std::marker::PhantomData<u8>>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Wrapped {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            <Place as __p::CustomerModel>::validate_into(
                &self.place,
                __customer_path,
                __customer_report,
            );
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Wrapped {
        const __ONE_WALK: bool = true;
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Wrapped@", ::core::line!()),
                true,
                &[__s::ShapeProbe::<Place>::EXACT],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __s::via_read::*;
            let __once = __rules && (&&__s::ShapeProbe::<Place>::NEW).one_walk();
            let __good = __s::value(
                __node,
                __path,
                __report,
                (&&__s::ShapeProbe::<Place>::NEW).shape_fn(),
                __once,
            );
            if !__rules {
                return __good;
            }
            let __phase = __s::Report::rules_phase(__report);
            if !__once {
                __s::walk_again(
                    __node,
                    __path,
                    __report,
                    (&&__s::ShapeProbe::<Place>::NEW).shape_fn(),
                );
            }
            let __read_whole = __good && __s::Report::reads_whole(&__phase, false) && {
                use __p::shape::WholeViaNothing as _;
                match __p::shape::ReadProbe::<Self>::WHOLE {
                    __p::Some(__whole) => __whole(__node, __path, __report),
                    __p::None => true,
                }
            };
            __s::Report::end_rules_phase(__report, __phase, __good, __read_whole)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Wrapped { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Wrapped" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Wrapped" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("Read as its one field.") ; __customer_object . property ("place" , (& __sc :: Probe :: < Place > :: NEW) . subschema (__customer_gen) , true) ; __customer_object . finish (__customer_gen) } } }
};
#[doc = " Read through another type, the conversion may fail."]
#[derive(serde :: Deserialize)]
#[serde(try_from = "Place")]
pub struct Converted {
    pub line1: String,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Converted {}
    impl Converted {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<String>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Converted {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.line1, __customer_at.key("line1"));
        }
    }
    impl Converted {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::Some(1usize),
                __p::None,
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Converted {
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __p::shape::{ErrorViaAbsorb as _, ErrorViaAny as _};
            use __s::via_read::*;
            if !(&&__p::shape::ShapeProbe::<Place>::NEW).shape(__node, __path, __report, false) {
                return false;
            }
            let __shapes = __p::shape::Report::shape_count(__report);
            let ::core::option::Option::Some(__from) =
                (&__p::shape::ReadProbe::<Place>::NEW).read_node(__node, __path, __report)
            else {
                return __p::shape::Report::shape_count(__report) == __shapes;
            };
            let __whole: Self = match <Self as ::core::convert::TryFrom<Place>>::try_from(__from) {
                ::core::result::Result::Ok(__whole) => __whole,
                ::core::result::Result::Err(__error) => {
                    (& __p :: shape :: ErrorProbe :: << Self as :: core :: convert :: TryFrom < Place >> :: Error > :: NEW) . report (__error , __path , __report) ;
                    return false;
                }
            };
            if __rules {
                __p::shape::validate_read(&__whole, __path, __report);
            }
            true
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Converted { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Converted" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Converted" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("Read through another type, the conversion may fail.") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: Some (1usize) , __p :: None) ; __customer_object . property ("line1" , __customer_owned , true) ; } __customer_object . finish (__customer_gen) } } }
};
impl TryFrom<Place> for Converted {
    type Error = RuleError;
    fn try_from(place: Place) -> Result<Self, RuleError> {
        Ok(Converted { line1: place.line1 })
    }
}
#[doc = " Read through another type."]
#[derive(serde :: Deserialize)]
#[serde(from = "String")]
pub struct Named {
    pub text: String,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Named {}
    impl Named {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<String>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Named {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let mut __customer_at = __p::At(__customer_path, (), __customer_report);
            Self::__customer_rules_0(&self.text, __customer_at.key("text"));
        }
    }
    impl Named {
        #[inline(always)]
        fn __customer_rules_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(4usize),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Named {
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __s::via_read::*;
            if !(&&__p::shape::ShapeProbe::<String>::NEW).shape(__node, __path, __report, false) {
                return false;
            }
            let __shapes = __p::shape::Report::shape_count(__report);
            let ::core::option::Option::Some(__from) =
                (&__p::shape::ReadProbe::<String>::NEW).read_node(__node, __path, __report)
            else {
                return __p::shape::Report::shape_count(__report) == __shapes;
            };
            let __whole: Self = <Self as ::core::convert::From<String>>::from(__from);
            if __rules {
                __p::shape::validate_read(&__whole, __path, __report);
            }
            true
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Named { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Named" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Named" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_object = __sc :: Object :: new ("Read through another type.") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (4usize)) ; __customer_object . property ("text" , __customer_owned , true) ; } __customer_object . finish (__customer_gen) } } }
};
impl From<String> for Named {
    fn from(text: String) -> Self {
        Named { text }
    }
}
#[derive(serde :: Deserialize)]
#[serde(tag = "type")]
pub enum Tagged {
    A,
    B,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    impl Tagged {
        #[doc = r" The name of this value on the wire."]
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Tagged::A => "A",
                Tagged::B => "B",
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Tagged {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Tagged {
        type Err = __p::RuleError;
        fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
            match value {
                "A" => __p::Ok(Tagged::A),
                "B" => __p::Ok(Tagged::B),
                _ => __p::Err(__p::rules::one_of::error(&["A", "B"])),
            }
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Tagged {
        #[inline]
        fn validate_into(&self, _: &__p::Path<'_>, _: &mut __p::ValidationErrors) {}
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Tagged {
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            const __SHAPE: __p::shape::UnitEnum = __p::shape::UnitEnum {
                names: &["A", "B"],
                accepted: &["A", "B"],
                any_name: false,
                null: false,
                any_string: false,
            };
            let _ = __rules;
            __p::shape::internal(__node, __path, __report, "type", &__SHAPE)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Tagged { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Tagged" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Tagged" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("" , __sc :: Tagging :: Internal ("type") , false) ; { let __customer_content = :: core :: default :: Default :: default () ; __customer_union . variant (__customer_gen , & ["A"] , __sc :: Content :: Unit , __customer_content , false ,) ; } { let __customer_content = :: core :: default :: Default :: default () ; __customer_union . variant (__customer_gen , & ["B"] , __sc :: Content :: Unit , __customer_content , false ,) ; } __customer_union . finish () } } }
};
#[derive(serde :: Deserialize)]
#[serde(untagged)]
pub enum Unset {
    Unset,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    impl Unset {
        #[doc = r" The name of this value on the wire."]
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Unset::Unset => "Unset",
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Unset {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Unset {
        type Err = __p::RuleError;
        fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
            match value {
                "Unset" => __p::Ok(Unset::Unset),
                _ => __p::Err(__p::rules::one_of::error(&["Unset"])),
            }
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Unset {
        #[inline]
        fn validate_into(&self, _: &__p::Path<'_>, _: &mut __p::ValidationErrors) {}
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Unset {
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            const __SHAPE: __p::shape::UnitEnum = __p::shape::UnitEnum {
                names: &[],
                accepted: &[],
                any_name: false,
                null: true,
                any_string: false,
            };
            let _ = __rules;
            __p::shape::untagged(__node, __path, __report, &__SHAPE)
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Unset { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Unset" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Unset" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("" , __sc :: Tagging :: Untagged , false) ; { let __customer_content = :: core :: default :: Default :: default () ; __customer_union . variant (__customer_gen , & ["Unset"] , __sc :: Content :: Unit , __customer_content , false ,) ; } __customer_union . finish () } } }
};
#[doc = " A tagged union: struct, tuple, newtype and unit variants, and a check on the whole."]
#[derive(serde :: Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Individual { email: String, name: Option<String> },
    Pair(String, u32),
    Business(Place),
    Guest,
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Party {}
    #[automatically_derived]
    impl __p::CustomerModel for Party {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            match self {
                Self::Individual {
                    email: __customer_f0,
                    name: __customer_f1,
                    ..
                } => {
                    Self::__customer_rules_0_0(
                        __customer_f0,
                        __p::At(
                            &__p::Path::key(__customer_path, "individual"),
                            "email",
                            __customer_report,
                        ),
                    );
                    Self::__customer_rules_0_1(
                        __customer_f1,
                        __p::At(
                            &__p::Path::key(__customer_path, "individual"),
                            "name",
                            __customer_report,
                        ),
                    );
                }
                Self::Pair {
                    0: __customer_f0, ..
                } => {
                    Self::__customer_rules_1_0(
                        __customer_f0,
                        __p::At(
                            &__p::Path::key(__customer_path, "pair"),
                            0usize,
                            __customer_report,
                        ),
                    );
                }
                Self::Business {
                    0: __customer_f0, ..
                } => {
                    <Place as __p::CustomerModel>::validate_into(
                        __customer_f0,
                        &__p::Path::key(__customer_path, "business"),
                        __customer_report,
                    );
                }
                Self::Guest { .. } => {}
            }
            __p::CheckOutcome::report_at(
                party_is_consistent(self),
                __customer_path,
                __customer_report,
            );
        }
    }
    impl Party {
        #[inline(always)]
        fn __customer_rules_0_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::email::check(
                __customer_field,
                &__p::rules::email::EmailOptions::DEFAULT,
            ));
        }
        #[inline(always)]
        fn __customer_rules_0_1(
            __customer_field: &Option<String>,
            mut __customer_at: __p::At<&str>,
        ) {
            if let __p::Some(__customer_value) = __customer_field {
                __customer_at.fail(__p::rules::length::check(
                    __customer_value,
                    __p::None,
                    __p::Some(64usize),
                ));
            }
        }
        #[inline(always)]
        fn __customer_rules_1_0(__customer_field: &String, mut __customer_at: __p::At<usize>) {
            __customer_at.fail(__p::rules::email::check(
                __customer_field,
                &__p::rules::email::EmailOptions::DEFAULT,
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Party {
        const __KIND: __s::JsonKind = __s::JsonKind::Object;
        const __KEYS: __s::Keys = __s::Keys::own(&["individual", "pair", "business", "guest"]);
        const __ONE_WALK: bool = true;
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), "::Party@", ::core::line!()),
                true,
                &[
                    __p::shape::ShapeProbe::<String>::EXACT,
                    __p::shape::ShapeProbe::<Option<String>>::EXACT,
                    __p::shape::ShapeProbe::<u32>::EXACT,
                    __p::shape::ShapeProbe::<Place>::EXACT,
                ],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __p::shape as __s;
            const __SHAPE: __s::DataEnum = __s::DataEnum {
                form: __s::Form::External,
                names: &["individual", "pair", "business", "guest"],
                untagged_names: &[],
                variants: &[
                    __s::VariantShape::new(&["individual"], __s::VariantKind::Struct, false, false),
                    __s::VariantShape::new(&["pair"], __s::VariantKind::Tuple, false, false),
                    __s::VariantShape::new(&["business"], __s::VariantKind::Newtype, false, false),
                    __s::VariantShape::new(&["guest"], __s::VariantKind::Unit, false, false),
                ],
                deny_unknown_fields: false,
                alone: &[],
            };
            __s::data_enum_whole::<Self>(
                __node,
                __path,
                __report,
                __rules,
                &__SHAPE,
                __p::Some(|__object, __path, __report| {
                    use __s::via_read::*;
                    (&__p::shape::ReadProbe::<Self>::NEW).checked(
                        __object,
                        __path,
                        __report,
                        |__whole, __path, __report| {
                            __p::CheckOutcome::report_at(
                                party_is_consistent(__whole),
                                __path,
                                __report,
                            );
                        },
                    )
                }),
                true,
            )
        }
        #[allow(unreachable_code, unused_variables)]
        fn __shape_variant(
            __variant: usize,
            __content: __p::shape::Content<'_>,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            match __variant {
                0usize => {
                    use __s::via_read::*;
                    __s::Named::new(
                        &[
                            (&&__s::ShapeProbe::<String>::SAID).field_rules(
                                &["email"],
                                0,
                                &__s::Ruled(Self::__customer_rules_0_0),
                            ),
                            (&&__s::ShapeProbe::<Option<String>>::SAID).field_rules(
                                &["name"],
                                __s::MAY_MISS,
                                &__s::Ruled(Self::__customer_rules_0_1),
                            ),
                        ],
                        __s::no_check,
                        __p::None,
                    )
                    .walk_content(__content, __path, __report, __rules)
                }
                1usize => {
                    use __s::via_read::*;
                    __s::Elements::new(
                        &[
                            (&&__s::ShapeProbe::<String>::SAID).field_rules(
                                &[],
                                0,
                                &__s::RuledAt(Self::__customer_rules_1_0),
                            ),
                            (&&__s::ShapeProbe::<u32>::SAID).field(&[], 0),
                        ],
                        __s::no_element_check,
                        __p::None,
                    )
                    .walk_content(__content, __path, __report, __rules)
                }
                2usize => {
                    use __s::via_read::*;
                    __p::shape::newtype_variant(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<Place>::NEW).wrapped(true, true),
                        ::core::option::Option::None,
                    )
                }
                _ => true,
            }
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Party { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Party" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Party" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("A tagged union: struct, tuple, newtype and unit variants, and a check on the whole." , __sc :: Tagging :: External , false) ; { let __customer_content = { let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: email (& mut __customer_owned , 320usize , false , false) ; __customer_object . property ("email" , __customer_owned , true) ; } { let mut __customer_owned = (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (64usize)) ; __customer_object . property ("name" , __customer_owned , false) ; } __customer_object . finish (__customer_gen) } ; __customer_union . variant (__customer_gen , & ["individual"] , __sc :: Content :: Struct , __customer_content , false ,) ; } { let __customer_content = __sc :: tuple ("" , :: std :: vec ! [{ let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: email (& mut __customer_owned , 320usize , false , false) ; __customer_owned } , (& __sc :: Probe :: < u32 > :: NEW) . subschema (__customer_gen)]) ; __customer_union . variant (__customer_gen , & ["pair"] , __sc :: Content :: Tuple , __customer_content , false ,) ; } { let __customer_content = (& __sc :: Probe :: < Place > :: NEW) . subschema (__customer_gen) ; __customer_union . variant (__customer_gen , & ["business"] , __sc :: Content :: Newtype , __customer_content , false ,) ; } { let __customer_content = :: core :: default :: Default :: default () ; __customer_union . variant (__customer_gen , & ["guest"] , __sc :: Content :: Unit , __customer_content , false ,) ; } __sc :: check (__customer_union . schema_mut () , "party_is_consistent") ; __customer_union . finish () } } }
};
#[allow(clippy::unnecessary_wraps)]
fn party_is_consistent(_: &Party) -> Result<(), RuleError> {
    Ok(())
}
#[doc = " A generic union with a context, adjacently tagged."]
#[derive(serde :: Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Entry<T> {
    Text(String),
    Model(T),
    Lines { lines: Vec<String> },
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl<T> __p::CustomerModelWith<Limits> for Entry<T>
    where
        T: __p::CustomerModel,
    {
        #[inline]
        fn validate_into_with(
            &self,
            ctx: &Limits,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            let _ = ctx;
            match self {
                Self::Text {
                    0: __customer_f0, ..
                } => {
                    Self::__customer_rules_0_0(
                        __customer_f0,
                        ctx,
                        __p::At(&__p::Path::key(__customer_path, "c"), (), __customer_report),
                    );
                }
                Self::Model {
                    0: __customer_f0, ..
                } => {
                    use __p::{NestedViaContext as _, NestedViaPlain as _};
                    (&__p::NestedProbe::<_, Limits>(__customer_f0, ctx))
                        .nested_into(&__p::Path::key(__customer_path, "c"), __customer_report);
                }
                Self::Lines {
                    lines: __customer_f0,
                    ..
                } => {
                    Self::__customer_rules_2_0(
                        __customer_f0,
                        ctx,
                        __p::At(
                            &__p::Path::key(__customer_path, "c"),
                            "lines",
                            __customer_report,
                        ),
                    );
                }
            }
        }
        #[inline]
        fn __context_any(ctx: &Limits) -> __p::Option<&dyn ::core::any::Any> {
            use __s::{ContextViaAny as _, ContextViaNothing as _};
            (&__s::ContextProbe::<Limits>::NEW).erase(ctx)
        }
    }
    impl<T> Entry<T>
    where
        T: __p::CustomerModel,
    {
        #[doc = r" Not callable: this model's rules read a context, so it is validated with"]
        #[doc = r" `validate_with(&ctx)`. Here so that `validate()` is a compile error that says so."]
        #[doc = r""]
        #[doc = r" # Errors"]
        #[doc = r""]
        #[doc = r" None: it cannot be called."]
        #[doc(hidden)]
        #[allow(dead_code)]
        #[cfg_attr(clippy, allow(clippy::unused_self))]
        pub fn validate(&self) -> __p::Result<(), __p::ValidationErrors>
        where
            for<'__customer> &'__customer Self: __p::ContextNeeded<Self>,
        {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl<T> __p::ModelContext for Entry<T>
    where
        T: __p::CustomerModel,
    {
        type Context = Limits;
        #[inline]
        fn validate_in_context(&self, ctx: &Limits) -> __p::Result<(), __p::ValidationErrors> {
            __p::CustomerModelWith::<Limits>::validate_with(self, ctx)
        }
        #[inline]
        fn __context_any(ctx: &Limits) -> __p::Option<&dyn ::core::any::Any> {
            <Self as __p::CustomerModelWith<Limits>>::__context_any(ctx)
        }
    }
    #[automatically_derived]
    impl<T> __p::Composite for Entry<T> {}
    impl<T> Entry<T> {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<String>::NEW).said();
        }
    }
    impl<T> Entry<T> {
        #[inline(always)]
        fn __customer_rules_0_0(
            __customer_field: &String,
            ctx: &Limits,
            mut __customer_at: __p::At<()>,
        ) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some({
                    let __customer_count: usize = ctx.name_max;
                    __customer_count
                }),
            ));
        }
        #[inline(always)]
        fn __customer_each_2_0(
            __customer_item: &<Vec<String> as __p::Elements>::Item,
            ctx: &Limits,
            mut __customer_at: __p::At<'_, &str>,
            __customer_index: usize,
        ) {
            __customer_at.fail_at(
                __customer_index,
                __p::rules::length::check(
                    __customer_item,
                    __p::None,
                    __p::Some({
                        let __customer_count: usize = ctx.name_max;
                        __customer_count
                    }),
                ),
            );
        }
        #[inline(always)]
        fn __customer_rules_2_0(
            __customer_field: &Vec<String>,
            ctx: &Limits,
            mut __customer_at: __p::At<&str>,
        ) {
            __p::each_key_with(
                __p::Elements::elements(__customer_field),
                ctx,
                &mut __customer_at,
                Self::__customer_each_2_0,
            );
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl<T> __s::Shape for Entry<T>
    where
        T: __p::CustomerModel,
        T: __s::Shape,
    {
        const __ONE_WALK: bool = true;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __p::shape as __s;
            const __SHAPE: __s::DataEnum = __s::DataEnum {
                form: __s::Form::Adjacent("t", "c"),
                names: &["Text", "Model", "Lines"],
                untagged_names: &[],
                variants: &[
                    __s::VariantShape::new(&["Text"], __s::VariantKind::Newtype, false, false),
                    __s::VariantShape::new(&["Model"], __s::VariantKind::Newtype, false, false),
                    __s::VariantShape::new(&["Lines"], __s::VariantKind::Struct, false, false),
                ],
                deny_unknown_fields: false,
                alone: &[],
            };
            __s::data_enum_whole::<Self>(
                __node,
                __path,
                __report,
                __rules,
                &__SHAPE,
                __p::None,
                false,
            )
        }
        #[allow(unreachable_code, unused_variables)]
        fn __shape_variant(
            __variant: usize,
            __content: __p::shape::Content<'_>,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            match __variant {
                0usize => {
                    use __s::via_read::*;
                    __p::shape::newtype_rules_with(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<String>::NEW).wrapped(false, false),
                        (&__p::shape::ReadProbe::<String>::NEW).reader(),
                        Self::__customer_rules_0_0,
                    )
                }
                1usize => {
                    use __s::via_shape::*;
                    __p::shape::newtype_variant(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<T>::NEW).wrapped(true, true),
                        ::core::option::Option::None,
                    )
                }
                2usize => {
                    use __s::via_read::*;
                    __s::Named::new(
                        &[(&&__s::ShapeProbe::<Vec<String>>::SAID).field_rules(
                            &["lines"],
                            0,
                            &__s::RuledEachWith(
                                Self::__customer_rules_2_0,
                                0,
                                Self::__customer_each_2_0,
                            ),
                        )],
                        __s::no_check,
                        __p::None,
                    )
                    .walk_content(__content, __path, __report, __rules)
                }
                _ => true,
            }
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl < T > __p :: schemars :: JsonSchema for Entry < T > where T : __p :: schemars :: JsonSchema { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Entry" , & [< T as __p :: schemars :: JsonSchema > :: schema_name ()]) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Entry" , & [< T as __p :: schemars :: JsonSchema > :: schema_id ()] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("A generic union with a context, adjacently tagged." , __sc :: Tagging :: Adjacent ("t" , "c") , false) ; { let __customer_content = { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: None) ; __sc :: runtime_bound (& mut __customer_owned , "length" , "max" , "ctx.name_max") ; __customer_owned } ; __customer_union . variant (__customer_gen , & ["Text"] , __sc :: Content :: Newtype , __customer_content , false ,) ; } { let __customer_content = (& __sc :: Probe :: < T > :: NEW) . subschema (__customer_gen) ; __customer_union . variant (__customer_gen , & ["Model"] , __sc :: Content :: Newtype , __customer_content , false ,) ; } { let __customer_content = { let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < Vec < String > > :: NEW) . subschema (__customer_gen) ; __sc :: each (& mut __customer_owned , | __customer_items : & mut __p :: schemars :: Schema | { __sc :: length (__customer_items , & * __customer_gen , __p :: None , __p :: None) ; __sc :: runtime_bound (__customer_items , "length" , "max" , "ctx.name_max") ; }) ; __customer_object . property ("lines" , __customer_owned , true) ; } __customer_object . finish (__customer_gen) } ; __customer_union . variant (__customer_gen , & ["Lines"] , __sc :: Content :: Struct , __customer_content , false ,) ; } __customer_union . finish () } } }
};
#[doc = " An internally tagged union refusing unknown members, with an untagged variant."]
#[derive(serde :: Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Event {
    Created {
        email: String,
        #[serde(default)]
        note: Option<String>,
    },
    Moved(Place),
    Closed,
    #[serde(untagged)]
    Raw(u32),
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Event {}
    impl Event {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<u32>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Event {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            match self {
                Self::Created {
                    email: __customer_f0,
                    ..
                } => {
                    Self::__customer_rules_0_0(
                        __customer_f0,
                        __p::At(__customer_path, "email", __customer_report),
                    );
                }
                Self::Moved {
                    0: __customer_f0, ..
                } => {
                    <Place as __p::CustomerModel>::validate_into(
                        __customer_f0,
                        __customer_path,
                        __customer_report,
                    );
                }
                Self::Raw {
                    0: __customer_f0, ..
                } => {
                    Self::__customer_rules_3_0(
                        __customer_f0,
                        __p::At(__customer_path, (), __customer_report),
                    );
                }
                Self::Closed { .. } => {}
            }
        }
    }
    impl Event {
        #[inline(always)]
        fn __customer_rules_0_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::email::check(
                __customer_field,
                &__p::rules::email::EmailOptions::DEFAULT,
            ));
        }
        #[inline(always)]
        fn __customer_rules_3_0(__customer_field: &u32, mut __customer_at: __p::At<()>) {
            __customer_at.fail(__p::rules::range::check(
                __customer_field,
                __p::None,
                __p::Some(&(9)),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Event {
        const __KIND: __s::JsonKind = __s::JsonKind::Object;
        const __KEYS: __s::Keys = {
            use __s::FactsUnknown as _;
            __s::Keys {
                own: &["email", "note", "kind"],
                flattened: &[&__s::Facts::<Place>::KEYS, &__s::Facts::<u32>::KEYS],
                named: false,
            }
        };
        const __ONE_WALK: bool = true;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __p::shape as __s;
            const __SHAPE: __s::DataEnum = __s::DataEnum {
                form: __s::Form::Internal("kind"),
                names: &["created", "moved", "closed"],
                untagged_names: &["raw"],
                variants: &[
                    __s::VariantShape::new(&["created"], __s::VariantKind::Struct, false, false),
                    __s::VariantShape::new(&["moved"], __s::VariantKind::Newtype, false, false),
                    __s::VariantShape::new(&["closed"], __s::VariantKind::Unit, false, false),
                    __s::VariantShape::new(&["raw"], __s::VariantKind::Newtype, true, false),
                ],
                deny_unknown_fields: true,
                alone: {
                    use __p::shape::WholeViaNothing as _;
                    &[
                        &[
                            __p::shape::FieldRead::new(
                                &["email"],
                                __p::shape::ReadProbe::<String>::WHOLE,
                            ),
                            __p::shape::FieldRead::new(
                                &["note"],
                                __p::shape::ReadProbe::<Option<String>>::WHOLE,
                            ),
                        ],
                        &[__p::shape::FieldRead::new(
                            &[],
                            __p::shape::ReadProbe::<Place>::WHOLE,
                        )],
                        &[],
                        &[__p::shape::FieldRead::new(
                            &[],
                            __p::shape::ReadProbe::<u32>::WHOLE,
                        )],
                    ]
                },
            };
            __s::data_enum_whole::<Self>(
                __node,
                __path,
                __report,
                __rules,
                &__SHAPE,
                {
                    use __s::WholeViaNothing as _;
                    __s::ReadProbe::<Self>::WHOLE
                },
                false,
            )
        }
        #[allow(unreachable_code, unused_variables)]
        fn __shape_variant(
            __variant: usize,
            __content: __p::shape::Content<'_>,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            match __variant {
                0usize => {
                    use __s::via_read::*;
                    __s::Named {
                        fields: &[
                            (&&__s::ShapeProbe::<String>::SAID).field_rules(
                                &["email"],
                                0,
                                &__s::Ruled(Self::__customer_rules_0_0),
                            ),
                            (&&__s::ShapeProbe::<Option<String>>::SAID)
                                .field(&["note"], __s::MAY_MISS),
                        ],
                        check: __s::no_check,
                        whole: __p::None,
                        checks: false,
                        deny: true,
                    }
                    .walk_content(__content, __path, __report, __rules)
                }
                1usize => {
                    use __s::via_read::*;
                    __p::shape::newtype_variant(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<Place>::NEW).wrapped(true, true),
                        ::core::option::Option::None,
                    )
                }
                3usize => {
                    use __s::via_read::*;
                    __p::shape::newtype_rules(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<u32>::NEW).wrapped(false, false),
                        (&__p::shape::ReadProbe::<u32>::NEW).reader(),
                        Self::__customer_rules_3_0,
                    )
                }
                _ => true,
            }
        }
    }
    const _: () = {
        use __s::FactsUnknown as _;
        :: core :: assert ! (! __s :: Facts :: < Place > :: KEYS . reads ("kind") , "{}" , "`Place` reads a member named `kind`, the tag of this internally tagged enum: serde takes the tag out of the object before `Place` reads the rest, so no document can be read. Rename that member of `Place` (`#[serde(rename = \"...\")]`) or choose another tag for the enum (`#[serde(tag = \"...\")]`)");
        :: core :: assert ! (! :: core :: matches ! (__s :: Facts :: < Place > :: KIND , __s :: JsonKind :: NotObject) , "{}" , "`Place` is not read from a JSON object, and the newtype variant of an internally tagged enum is read from the object that holds the tag `kind`, so no document can be read. Make the variant a struct variant (`Moved { value: Place }`) or the enum adjacently tagged (`#[serde(tag = \"kind\", content = \"...\")]`)");
    };
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Event { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Event" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Event" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("An internally tagged union refusing unknown members, with an untagged variant." , __sc :: Tagging :: Internal ("kind") , true) ; { let __customer_content = { let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: email (& mut __customer_owned , 320usize , false , false) ; __customer_object . property ("email" , __customer_owned , true) ; } __customer_object . property ("note" , (& __sc :: Probe :: < Option < String > > :: NEW) . subschema (__customer_gen) , false) ; __customer_object . deny_unknown_fields () ; __customer_object . finish (__customer_gen) } ; __customer_union . variant (__customer_gen , & ["created"] , __sc :: Content :: Struct , __customer_content , false ,) ; } { let __customer_content = (& __sc :: Probe :: < Place > :: NEW) . subschema (__customer_gen) ; __customer_union . variant (__customer_gen , & ["moved"] , __sc :: Content :: Newtype , __customer_content , false ,) ; } { let __customer_content = :: core :: default :: Default :: default () ; __customer_union . variant (__customer_gen , & ["closed"] , __sc :: Content :: Unit , __customer_content , false ,) ; } { let __customer_content = { let mut __customer_owned = (& __sc :: Probe :: < u32 > :: NEW) . subschema (__customer_gen) ; __sc :: range (& mut __customer_owned , __p :: None , __p :: Some (__sc :: bound (& (9)))) ; __customer_owned } ; __customer_union . variant (__customer_gen , & ["raw"] , __sc :: Content :: Newtype , __customer_content , true ,) ; } __customer_union . finish () } } }
};
#[doc = " An untagged union."]
#[derive(serde :: Deserialize)]
#[serde(untagged)]
pub enum Contact {
    Person { email: String },
    Phones(Vec<String>),
    Pair(String, u32),
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports)]
#[cfg_attr(
    clippy,
    allow(
        clippy::elidable_lifetime_names,
        clippy::too_many_lines,
        clippy::needless_borrow,
        clippy::inline_always,
        clippy::ptr_arg,
        clippy::ref_option,
        clippy::trivially_copy_pass_by_ref
    )
)]
const _: () = {
    use ::customer_core::__private as __p;
    #[automatically_derived]
    impl __p::Composite for Contact {}
    impl Contact {
        #[allow(dead_code)]
        fn __customer_said() {
            use __p::via_said::*;
            (&__p::SaidProbe::<Vec<String>>::NEW).said();
        }
    }
    #[automatically_derived]
    impl __p::CustomerModel for Contact {
        #[inline]
        fn validate_into(
            &self,
            __customer_path: &__p::Path<'_>,
            __customer_report: &mut __p::ValidationErrors,
        ) {
            match self {
                Self::Person {
                    email: __customer_f0,
                    ..
                } => {
                    Self::__customer_rules_0_0(
                        __customer_f0,
                        __p::At(__customer_path, "email", __customer_report),
                    );
                }
                Self::Phones {
                    0: __customer_f0, ..
                } => {
                    Self::__customer_rules_1_0(
                        __customer_f0,
                        __p::At(__customer_path, (), __customer_report),
                    );
                }
                Self::Pair {
                    1: __customer_f0, ..
                } => {
                    Self::__customer_rules_2_1(
                        __customer_f0,
                        __p::At(__customer_path, 1usize, __customer_report),
                    );
                }
            }
        }
    }
    impl Contact {
        #[inline(always)]
        fn __customer_rules_0_0(__customer_field: &String, mut __customer_at: __p::At<&str>) {
            __customer_at.fail(__p::rules::email::check(
                __customer_field,
                &__p::rules::email::EmailOptions::DEFAULT,
            ));
        }
        #[inline(always)]
        fn __customer_rules_1_0(__customer_field: &Vec<String>, mut __customer_at: __p::At<()>) {
            __customer_at.fail(__p::rules::length::check(
                __customer_field,
                __p::None,
                __p::Some(2usize),
            ));
        }
        #[inline(always)]
        fn __customer_rules_2_1(__customer_field: &u32, mut __customer_at: __p::At<usize>) {
            __customer_at.fail(__p::rules::range::check(
                __customer_field,
                __p::None,
                __p::Some(&(9)),
            ));
        }
    }
    use __p::shape as __s;
    #[automatically_derived]
    impl __s::Shape for Contact {
        const __KEYS: __s::Keys = {
            use __s::FactsUnknown as _;
            __s::Keys {
                own: &["email"],
                flattened: &[&__s::Facts::<Vec<String>>::KEYS],
                named: false,
            }
        };
        const __ONE_WALK: bool = true;
        fn __shape(
            __node: &__p::shape::Node,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            use __p::shape as __s;
            const __SHAPE: __s::DataEnum = __s::DataEnum {
                form: __s::Form::Untagged,
                names: &[],
                untagged_names: &["Person", "Phones", "Pair"],
                variants: &[
                    __s::VariantShape::new(&["Person"], __s::VariantKind::Struct, true, false),
                    __s::VariantShape::new(&["Phones"], __s::VariantKind::Newtype, true, false),
                    __s::VariantShape::new(&["Pair"], __s::VariantKind::Tuple, true, false),
                ],
                deny_unknown_fields: false,
                alone: {
                    use __p::shape::WholeViaNothing as _;
                    &[
                        &[__p::shape::FieldRead::new(
                            &["email"],
                            __p::shape::ReadProbe::<String>::WHOLE,
                        )],
                        &[__p::shape::FieldRead::new(
                            &[],
                            __p::shape::ReadProbe::<Vec<String>>::WHOLE,
                        )],
                        &[
                            __p::shape::FieldRead::new(&[], __p::shape::ReadProbe::<String>::WHOLE),
                            __p::shape::FieldRead::new(&[], __p::shape::ReadProbe::<u32>::WHOLE),
                        ],
                    ]
                },
            };
            __s::data_enum_whole::<Self>(
                __node,
                __path,
                __report,
                __rules,
                &__SHAPE,
                {
                    use __s::WholeViaNothing as _;
                    __s::ReadProbe::<Self>::WHOLE
                },
                false,
            )
        }
        #[allow(unreachable_code, unused_variables)]
        fn __shape_variant(
            __variant: usize,
            __content: __p::shape::Content<'_>,
            __path: &__p::Path<'_>,
            __report: &mut __p::shape::Report,
            __rules: bool,
        ) -> bool {
            match __variant {
                0usize => {
                    use __s::via_read::*;
                    __s::Named::new(
                        &[(&&__s::ShapeProbe::<String>::SAID).field_rules(
                            &["email"],
                            0,
                            &__s::Ruled(Self::__customer_rules_0_0),
                        )],
                        __s::no_check,
                        __p::None,
                    )
                    .walk_content(__content, __path, __report, __rules)
                }
                1usize => {
                    use __s::via_read::*;
                    __p::shape::newtype_rules(
                        __content,
                        __path,
                        __report,
                        __rules,
                        &(&&__p::shape::ShapeProbe::<Vec<String>>::NEW).wrapped(false, false),
                        (&__p::shape::ReadProbe::<Vec<String>>::NEW).reader(),
                        Self::__customer_rules_1_0,
                    )
                }
                2usize => {
                    use __s::via_read::*;
                    __s::Elements::new(
                        &[
                            (&&__s::ShapeProbe::<String>::SAID).field(&[], 0),
                            (&&__s::ShapeProbe::<u32>::SAID).field_rules(
                                &[],
                                0,
                                &__s::RuledAt(Self::__customer_rules_2_1),
                            ),
                        ],
                        __s::no_element_check,
                        __p::None,
                    )
                    .walk_content(__content, __path, __report, __rules)
                }
                _ => true,
            }
        }
    }
    __p::schema_impl! { use __p :: schema as __sc ; # [automatically_derived] impl __p :: schemars :: JsonSchema for Contact { fn schema_name () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_name ("Contact" , & []) } fn schema_id () -> :: std :: borrow :: Cow < 'static , str > { __sc :: generic_id (:: core :: module_path ! () , "Contact" , & [] ,) } fn json_schema (__customer_gen : & mut __p :: schemars :: SchemaGenerator) -> __p :: schemars :: Schema { # [allow (unused_imports)] use __sc :: { ViaAnything as _ , ViaJsonSchema as _ } ; let mut __customer_union = __sc :: Union :: new ("An untagged union." , __sc :: Tagging :: Untagged , false) ; { let __customer_content = { let mut __customer_object = __sc :: Object :: new ("") ; { let mut __customer_owned = (& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) ; __sc :: email (& mut __customer_owned , 320usize , false , false) ; __customer_object . property ("email" , __customer_owned , true) ; } __customer_object . finish (__customer_gen) } ; __customer_union . variant (__customer_gen , & ["Person"] , __sc :: Content :: Struct , __customer_content , false ,) ; } { let __customer_content = { let mut __customer_owned = (& __sc :: Probe :: < Vec < String > > :: NEW) . subschema (__customer_gen) ; __sc :: length (& mut __customer_owned , & * __customer_gen , __p :: None , __p :: Some (2usize)) ; __customer_owned } ; __customer_union . variant (__customer_gen , & ["Phones"] , __sc :: Content :: Newtype , __customer_content , false ,) ; } { let __customer_content = __sc :: tuple ("" , :: std :: vec ! [(& __sc :: Probe :: < String > :: NEW) . subschema (__customer_gen) , { let mut __customer_owned = (& __sc :: Probe :: < u32 > :: NEW) . subschema (__customer_gen) ; __sc :: range (& mut __customer_owned , __p :: None , __p :: Some (__sc :: bound (& (9)))) ; __customer_owned }]) ; __customer_union . variant (__customer_gen , & ["Pair"] , __sc :: Content :: Tuple , __customer_content , false ,) ; } __customer_union . finish () } } }
};
#[test]
fn the_expanded_models_validate() {
    let address = Address {
        postal_code: "1011 AB".to_owned(),
        phone: None,
        website: Some("https://example.com".to_owned()),
        seen_at: None,
    };
    let signup = Signup {
        handle: "jo",
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        ab: None,
        note: Some(String::new()),
        email: "jo@example.com".to_owned(),
        locale: "nl-NL".to_owned(),
        metadata: None,
        address: vec![address],
        tags: vec!["vip".to_owned()],
        quantity: 11,
        kind: "c".into(),
        country: Some("NL".to_owned()),
        payload: (),
    };
    let errors = signup.validate().expect_err("two rules are broken");
    let codes: Vec<&str> = errors.iter().map(customer_core::Violation::code).collect();
    assert_eq!(codes, ["range", "one_of"]);
    assert!("jo@example.com".parse::<Email>().is_ok());
    assert_eq!("small_business".parse::<Kind>(), Ok(Kind::SmallBusiness));
    assert!(Checked::try_from(Plain {
        name: "long".to_owned()
    })
    .is_err());
    let form = Form {
        name: "Jo".to_owned(),
        address: None,
    };
    assert!(
        customer_core::CustomerModelWith::validate_with(&form, &Limits { name_max: 1 }).is_err()
    );
}
