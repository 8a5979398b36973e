//! Phase 4: code generation from the checked model. Everything is emitted inside
//! `const _: () = { ... };` with fully qualified paths through `::customer_core::__private`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::DeriveInput;

use crate::ast::{self, Container, Data, Field, Style, Variant, Wire};
use crate::attr::{Conversion, ConversionKind, Rule, RuleSpec};
use crate::check;
use crate::ctxt::Ctxt;
use crate::pattern::Compiled;

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    check::check(&cx, &container);
    match cx.check() {
        Ok(()) => wrap(&container, expand(&container)),
        Err(errors) => {
            let errors = errors.into_compile_error();
            let stub = fallback(&container, input);
            quote!(#errors #stub)
        }
    }
}

fn wrap(container: &Container, body: TokenStream) -> TokenStream {
    let _ = container;
    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_qualifications,
            unused_variables,
            clippy::all,
            clippy::pedantic,
            clippy::nursery
        )]
        const _: () = {
            #body
        };
    }
}

/// The impl emitted next to the errors, so that one mistake does not also break every use of
/// the type.
fn fallback(container: &Container, input: &DeriveInput) -> TokenStream {
    if matches!(container.data, Data::Union(_)) {
        return TokenStream::new();
    }
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let mut extra = TokenStream::new();
    let has_container_attr = input.attrs.iter().any(|a| a.path().is_ident("customer"));
    if let (Some(field), true) = (container.newtype_field(), has_container_attr) {
        // Only text newtypes: the impls of other inners need traits the inner may lack, which
        // would add errors to the one being reported.
        if container.generics.params.is_empty() && ast::is_string(field.ty) {
            extra.extend(expand_newtype(container, field));
        }
    }
    if let Data::Enum(_) = container.data {
        extra.extend(quote! {
            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                /// The name of this value on the wire.
                pub fn as_str(&self) -> &str {
                    ::core::unimplemented!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unimplemented!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #krate::__private::RuleError;
                fn from_str(_: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::unimplemented!()
                }
            }
        });
    }
    wrap(
        container,
        quote! {
            #extra
            #[automatically_derived]
            impl #impl_generics #krate::__private::CustomerModel for #ident #ty_generics #where_clause {
                fn validate_into(
                    &self,
                    _: &#krate::__private::Path<'_>,
                    _: &mut #krate::__private::ValidationErrors,
                ) {
                }
            }
        },
    )
}

fn expand(container: &Container) -> TokenStream {
    match &container.data {
        Data::Struct(style, fields) => {
            let mut out = expand_struct(container, fields);
            if let (Some(field), false) =
                (container.newtype_field(), container.attrs.rules.is_empty())
            {
                out.extend(expand_newtype(container, field));
            }
            if *style == Style::Named {
                for conversion in &container.attrs.conversions {
                    out.extend(expand_conversion(container, fields, conversion));
                }
            }
            out
        }
        Data::Enum(variants) => expand_enum(container, variants),
        Data::Union(_) => TokenStream::new(),
    }
}

/// Names a type parameter, so that bounds are only added where a field needs them.
fn mentions_param(ty: &syn::Type, generics: &syn::Generics) -> bool {
    let params: Vec<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    if params.is_empty() {
        return false;
    }
    fn walk(tokens: TokenStream, params: &[String]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), &params)
}

fn bounds(container: &Container, fields: &[Field]) -> Option<syn::WhereClause> {
    let krate = &container.krate;
    let mut predicates: Vec<TokenStream> = Vec::new();
    for field in fields {
        if field.attrs.skip.is_some() || !mentions_param(field.ty, container.generics) {
            continue;
        }
        let ty = field.ty;
        let inner = field.inner;
        for rule in &field.attrs.rules {
            let predicate = match &rule.kind {
                Rule::Nested => quote!(#ty: #krate::__private::CustomerModel),
                Rule::Length { .. } => quote!(#inner: #krate::__private::rules::HasLength),
                Rule::Metadata {
                    json_string: false, ..
                } => quote!(#inner: #krate::__private::serde::Serialize),
                Rule::Range { .. } => {
                    quote!(#inner: ::core::cmp::PartialOrd + ::core::fmt::Display)
                }
                Rule::Each(_) | Rule::Required | Rule::Custom(_) => continue,
                _ => quote!(#inner: #krate::__private::rules::Text),
            };
            predicates.push(predicate);
        }
    }
    let mut clause = container
        .generics
        .where_clause
        .clone()
        .unwrap_or_else(|| syn::WhereClause {
            where_token: Default::default(),
            predicates: Default::default(),
        });
    for predicate in predicates {
        clause.predicates.push(syn::parse_quote!(#predicate));
    }
    (!clause.predicates.is_empty()).then_some(clause)
}

fn wire_path(krate: &TokenStream, wire: &Wire, parent: &TokenStream) -> TokenStream {
    match wire {
        Wire::Key(key) => quote!(#krate::__private::Path::key(#parent, #key)),
        Wire::Index(index) => quote!(#krate::__private::Path::index(#parent, #index)),
        Wire::Same => quote!(*#parent),
    }
}

fn lit_opt(lit: Option<&syn::LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    }
}

fn expand_struct(container: &Container, fields: &[Field]) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, _) = container.generics.split_for_impl();
    let where_clause = bounds(container, fields);
    let path = quote!(__customer_path);
    let report = quote!(__customer_report);

    let mut body = TokenStream::new();
    if let Some(field) = container.newtype_field() {
        // Container rules of a newtype check its one field, at the newtype's own place.
        let rules = &container.attrs.rules;
        if !rules.is_empty() {
            let member = &field.member;
            let overrides = Overrides {
                code: lit_opt(container.attrs.code.as_ref()),
                message: lit_opt(container.attrs.message.as_ref()),
            };
            let checks = value_checks(
                krate,
                rules,
                &quote!(__customer_value),
                &path,
                &report,
                &overrides,
            );
            body.extend(quote! {
                {
                    let __customer_value = &self.#member;
                    #checks
                }
            });
        }
    }
    for field in fields {
        if field.attrs.skip.is_some() || field.attrs.rules.is_empty() {
            continue;
        }
        body.extend(field_checks(krate, field, &path, &report));
    }
    for check in &container.attrs.checks {
        body.extend(quote_spanned! {check.span()=>
            let __customer_check: fn(&Self) -> ::core::result::Result<(), #krate::__private::RuleError> = #check;
            if let ::core::result::Result::Err(__customer_error) = __customer_check(self) {
                #krate::__private::push(#report, #path, __customer_error, ::core::option::Option::None, ::core::option::Option::None);
            }
        });
    }
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::CustomerModel for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into(
                &self,
                #path: &#krate::__private::Path<'_>,
                #report: &mut #krate::__private::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

struct Overrides {
    code: TokenStream,
    message: TokenStream,
}

fn field_checks(
    krate: &TokenStream,
    field: &Field,
    path: &TokenStream,
    report: &TokenStream,
) -> TokenStream {
    let member = &field.member;
    let at = wire_path(krate, &field.wire, path);
    let overrides = Overrides {
        code: lit_opt(field.attrs.code.as_ref()),
        message: lit_opt(field.attrs.message.as_ref()),
    };
    // The path is built where it is used (to report, or to pass down), not up front.
    let at_ref = quote!(&#at);
    let mut whole = TokenStream::new();
    let mut value_rules: Vec<&RuleSpec> = Vec::new();
    for rule in &field.attrs.rules {
        match &rule.kind {
            Rule::Required => {
                let (code, message) = (&overrides.code, &overrides.message);
                let missing = match field.layers.first() {
                    Some(ast::Layer::Patch) => {
                        quote!(#krate::__private::Patch::is_null(__customer_field))
                    }
                    _ => quote!(::core::option::Option::is_none(__customer_field)),
                };
                whole.extend(quote_spanned! {rule.span=>
                    if #missing {
                        #krate::__private::push(#report, #at_ref, #krate::__private::rules::required::error(), #code, #message);
                    }
                });
            }
            Rule::Nested => {
                let ty = field.ty;
                whole.extend(quote_spanned! {rule.span=>
                    <#ty as #krate::__private::CustomerModel>::validate_into(__customer_field, #at_ref, #report);
                });
            }
            _ => value_rules.push(rule),
        }
    }
    let mut value = TokenStream::new();
    if !value_rules.is_empty() {
        let owned: Vec<&RuleSpec> = value_rules;
        let checks = value_checks_refs(
            krate,
            &owned,
            &quote!(__customer_value),
            &at_ref,
            report,
            &overrides,
        );
        value = peel(krate, &field.layers, quote!(__customer_field), checks);
    }
    quote! {
        {
            let __customer_field = &self.#member;
            #whole
            #value
        }
    }
}

/// Wraps `body` in one `if let Some(..)` per `Option` or `Patch` layer, binding
/// `__customer_value`.
fn peel(
    krate: &TokenStream,
    layers: &[ast::Layer],
    field: TokenStream,
    body: TokenStream,
) -> TokenStream {
    if layers.is_empty() {
        return quote! {
            let __customer_value = #field;
            #body
        };
    }
    let mut out = body;
    for (depth, layer) in layers.iter().enumerate().rev() {
        let source = if depth == 0 {
            field.clone()
        } else {
            quote!(__customer_value)
        };
        let source = match layer {
            ast::Layer::Option => source,
            ast::Layer::Patch => quote!(#krate::__private::Patch::value(#source)),
        };
        out = quote! {
            if let ::core::option::Option::Some(__customer_value) = #source {
                #out
            }
        };
    }
    out
}

fn value_checks(
    krate: &TokenStream,
    rules: &[RuleSpec],
    value: &TokenStream,
    at: &TokenStream,
    report: &TokenStream,
    overrides: &Overrides,
) -> TokenStream {
    let refs: Vec<&RuleSpec> = rules.iter().collect();
    value_checks_refs(krate, &refs, value, at, report, overrides)
}

fn value_checks_refs(
    krate: &TokenStream,
    rules: &[&RuleSpec],
    value: &TokenStream,
    at: &TokenStream,
    report: &TokenStream,
    overrides: &Overrides,
) -> TokenStream {
    rules
        .iter()
        .map(|rule| rule_check(krate, rule, value, at, report, overrides))
        .collect()
}

fn push_on_err(
    krate: &TokenStream,
    span: Span,
    call: TokenStream,
    at: &TokenStream,
    report: &TokenStream,
    overrides: &Overrides,
) -> TokenStream {
    let (code, message) = (&overrides.code, &overrides.message);
    quote_spanned! {span=>
        if let ::core::result::Result::Err(__customer_error) = #call {
            #krate::__private::push(#report, #at, __customer_error, #code, #message);
        }
    }
}

fn opt_usize(value: Option<usize>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

fn rule_check(
    krate: &TokenStream,
    rule: &RuleSpec,
    value: &TokenStream,
    at: &TokenStream,
    report: &TokenStream,
    overrides: &Overrides,
) -> TokenStream {
    let rules = quote!(#krate::__private::rules);
    let span = rule.span;
    // The value is spanned at the rule, so a type the rule cannot check is reported there.
    let value = respan(value, span);
    let call = match &rule.kind {
        Rule::Email { max, ascii } => quote_spanned! {span=>
            #rules::email::check(#value, &#rules::email::EmailOptions { max: #max, ascii: #ascii })
        },
        Rule::Pattern(compiled) => match &**compiled {
            Compiled::Simple {
                prefix,
                bits,
                min,
                max,
                suffix,
                shown,
            } => {
                let max = max.unwrap_or(usize::MAX);
                quote_spanned! {span=>
                    {
                        const __CUSTOMER_SHAPE: #rules::pattern::Simple = #rules::pattern::Simple {
                            prefix: #prefix,
                            class: #rules::id::AsciiSet::from_bits(#bits),
                            min: #min,
                            max: #max,
                            suffix: #suffix,
                            shown: #shown,
                        };
                        #rules::pattern::check_simple(#value, &__CUSTOMER_SHAPE)
                    }
                }
            }
            Compiled::Regex { anchored, shown } => quote_spanned! {span=>
                {
                    static __CUSTOMER_REGEX: #rules::pattern::LazyRegex = #rules::pattern::LazyRegex::new(#anchored, #shown);
                    #rules::pattern::check(#value, &__CUSTOMER_REGEX)
                }
            },
        },
        Rule::Id(id) => {
            let (prefix, chars, bits, min) = (&id.prefix, &id.chars, id.bits, id.min_len);
            let max = id.max_len.unwrap_or(usize::MAX);
            quote_spanned! {span=>
                {
                    const __CUSTOMER_ID: #rules::id::IdShape = #rules::id::IdShape {
                        prefix: #prefix,
                        chars: #rules::id::AsciiSet::from_bits(#bits),
                        min_len: #min,
                        max_len: #max,
                        chars_spec: #chars,
                    };
                    #rules::id::check(#value, &__CUSTOMER_ID)
                }
            }
        }
        Rule::Locale { short: false } => quote_spanned!(span=> #rules::locale::check(#value)),
        Rule::Locale { short: true } => quote_spanned!(span=> #rules::locale::check_short(#value)),
        Rule::Metadata {
            max_bytes,
            json_string: false,
        } => quote_spanned! {span=>
            {
                #[allow(unused_imports)]
                use #krate::__private::{MetadataViaSerialize as _, MetadataViaValue as _};
                (&#krate::__private::MetadataProbe(#value)).check_metadata(#max_bytes)
            }
        },
        Rule::Metadata {
            max_bytes,
            json_string: true,
        } => {
            quote_spanned!(span=> #rules::metadata::check_json_string(#value, #max_bytes))
        }
        Rule::Length { min, max } => {
            let (min, max) = (opt_usize(*min), opt_usize(*max));
            quote_spanned!(span=> #rules::length::check(#value, #min, #max))
        }
        Rule::Bytes { min, max } => {
            let (min, max) = (opt_usize(*min), opt_usize(*max));
            quote_spanned!(span=> #rules::bytes::check(#value, #min, #max))
        }
        Rule::OneOf(values) => {
            quote_spanned!(span=> #rules::one_of::check(#value, &[#(#values),*]))
        }
        Rule::Country => quote_spanned!(span=> #rules::country::check(#value)),
        Rule::Phone => quote_spanned!(span=> #rules::phone::check(#value)),
        Rule::Url => quote_spanned!(span=> #rules::url::check(#value)),
        Rule::Timestamp => quote_spanned!(span=> #rules::timestamp::check(#value)),
        Rule::Range { min, max } => {
            let bound = |expr: &Option<Box<syn::Expr>>| match expr {
                Some(expr) => quote_spanned!(expr.span()=> ::core::option::Option::Some(&(#expr))),
                None => quote!(::core::option::Option::None),
            };
            let (min, max) = (bound(min), bound(max));
            quote_spanned!(span=> #rules::range::check(#value, #min, #max))
        }
        Rule::Custom(path) => {
            // A wrong signature is reported at the function's path.
            let value = respan(&value, path.span());
            quote_spanned! {path.span()=>
                {
                    let __customer_custom: fn(&_) -> ::core::result::Result<(), #krate::__private::RuleError> = #path;
                    __customer_custom(#value)
                }
            }
        }
        Rule::Each(inner) => {
            let item_at = quote!(&#krate::__private::Path::index(#at, __customer_index));
            let checks: TokenStream = inner
                .iter()
                .map(|rule| match &rule.kind {
                    Rule::Nested => quote_spanned! {rule.span=>
                        #krate::__private::CustomerModel::validate_into(__customer_item, #item_at, #report);
                    },
                    _ => rule_check(krate, rule, &quote!(__customer_item), &item_at, report, overrides),
                })
                .collect();
            // Every token that names the collection trait points at `each`.
            let elements = respan(&quote!(#krate::__private::Elements::elements), span);
            return quote_spanned! {span=>
                for (__customer_index, __customer_item) in ::core::iter::Iterator::enumerate(#elements(#value)) {
                    #checks
                }
            };
        }
        Rule::Nested => {
            return quote_spanned! {span=>
                #krate::__private::CustomerModel::validate_into(#value, #at, #report);
            };
        }
        Rule::Required => return TokenStream::new(),
    };
    push_on_err(krate, span, call, at, report, overrides)
}

use syn::spanned::Spanned;

fn expand_newtype(container: &Container, field: &Field) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let inner = field.ty;
    let p = quote!(#krate::__private);
    let target = if ast::is_string(inner) {
        quote!(str)
    } else {
        quote!(#inner)
    };
    // Validating construction and serde, whatever the inner type.
    let common = quote! {
        #[automatically_derived]
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
            type Target = #target;
            #[inline]
            fn deref(&self) -> &#target {
                &self.0
            }
        }
        #[automatically_derived]
        impl #impl_generics #p::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: #p::serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                #p::serde::Serialize::serialize(&self.0, serializer)
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::convert::TryFrom<#inner> for #ident #ty_generics #where_clause {
            type Error = #p::ValidationErrors;
            fn try_from(value: #inner) -> ::core::result::Result<Self, #p::ValidationErrors> {
                let value = #ident(value);
                #p::CustomerModel::validate(&value)?;
                ::core::result::Result::Ok(value)
            }
        }
        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                let value: #inner = #p::serde::Deserialize::deserialize(deserializer)?;
                <Self as ::core::convert::TryFrom<#inner>>::try_from(value).map_err(|errors| {
                    <__D::Error as #p::serde::de::Error>::custom(#p::de_message(&errors))
                })
            }
        }
    };
    if !ast::is_string(inner) {
        return common;
    }
    // Text newtypes also parse from `&str` and read as text.
    quote! {
            #common
            #[automatically_derived]
            impl #impl_generics ::core::convert::TryFrom<&str> for #ident #ty_generics #where_clause {
                type Error = #p::ValidationErrors;
                fn try_from(value: &str) -> ::core::result::Result<Self, #p::ValidationErrors> {
                    <Self as ::core::convert::TryFrom<#inner>>::try_from(::core::convert::From::from(value))
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #p::ValidationErrors;
                fn from_str(value: &str) -> ::core::result::Result<Self, #p::ValidationErrors> {
                    <Self as ::core::convert::TryFrom<&str>>::try_from(value)
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::convert::AsRef<str> for #ident #ty_generics #where_clause {
                #[inline]
                fn as_ref(&self) -> &str {
                    &self.0
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(&self.0)
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ident #ty_generics> for #inner #where_clause {
                fn from(value: #ident #ty_generics) -> #inner {
                    value.0
                }
            }
            #[automatically_derived]
            impl #impl_generics #p::rules::Text for #ident #ty_generics #where_clause {
                #[inline]
                fn text(&self) -> &str {
                    &self.0
                }
            }
            #[automatically_derived]
            impl #impl_generics #p::rules::HasLength for #ident #ty_generics #where_clause {
                #[inline]
                fn length(&self) -> usize {
                    #p::rules::char_count(&self.0)
                }
            }
    }
}

fn expand_enum(container: &Container, variants: &[Variant]) -> TokenStream {
    let krate = &container.krate;
    let p = quote!(#krate::__private);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = variants.iter().find(|v| v.attrs.other.is_some());
    let known: Vec<&Variant> = variants
        .iter()
        .filter(|v| v.attrs.other.is_none())
        .collect();
    let names: Vec<&String> = known.iter().map(|v| &v.wire_name).collect();
    let idents: Vec<&syn::Ident> = known.iter().map(|v| v.ident).collect();
    let (other_as_str, other_parse) = match other {
        Some(variant) => {
            let v = variant.ident;
            (
                quote!(#ident::#v(value) => value,),
                quote!(::core::result::Result::Ok(#ident::#v(::core::convert::From::from(value)))),
            )
        }
        None => (
            TokenStream::new(),
            quote!(::core::result::Result::Err(#p::rules::one_of::error(&[#(#names),*]))),
        ),
    };
    let as_str_body = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote! {
            match self {
                #(#ident::#idents => #names,)*
                #other_as_str
            }
        }
    };
    let error_ty = if other.is_some() {
        quote!(::core::convert::Infallible)
    } else {
        quote!(#p::RuleError)
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The name of this value on the wire.
            #[must_use]
            pub fn as_str(&self) -> &str {
                #as_str_body
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
            type Err = #error_ty;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                match value {
                    #(#names => ::core::result::Result::Ok(#ident::#idents),)*
                    _ => #other_parse,
                }
            }
        }
        #[automatically_derived]
        impl #impl_generics #p::CustomerModel for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into(&self, _: &#p::Path<'_>, _: &mut #p::ValidationErrors) {}
        }
    }
}

fn expand_conversion(
    container: &Container,
    fields: &[Field],
    conversion: &Conversion,
) -> TokenStream {
    let krate = &container.krate;
    let p = quote!(#krate::__private);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = &conversion.ty;
    let span = conversion.span;
    let src = quote!(__customer_source);
    // The other type's name for each field.
    let other_member = |field: &Field| -> syn::Member {
        match (&field.attrs.rename, field.ident) {
            (Some(rename), _) => {
                syn::Member::Named(format_ident!("{}", rename.value(), span = rename.span()))
            }
            (None, Some(ident)) => syn::Member::Named(ident.clone()),
            (None, None) => field.member.clone(),
        }
    };
    let wire_key = |field: &Field| match &field.wire {
        Wire::Key(key) => key.clone(),
        _ => field.ident.map(ToString::to_string).unwrap_or_default(),
    };
    match conversion.kind {
        ConversionKind::From => {
            let inits = fields.iter().map(|field| {
                let member = &field.member;
                if field.attrs.skip.is_some() || field.attrs.default.is_some() {
                    return quote!(#member: ::core::default::Default::default());
                }
                let from = other_member(field);
                match &field.attrs.with {
                    Some(with) => quote_spanned!(with.span()=> #member: #with(#src.#from)),
                    None => quote!(#member: ::core::convert::Into::into(#src.#from)),
                }
            });
            quote_spanned! {span=>
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#other> for #ident #ty_generics #where_clause {
                    fn from(#src: #other) -> Self {
                        #ident { #(#inits,)* }
                    }
                }
            }
        }
        ConversionKind::Into => {
            let inits = fields
                .iter()
                .filter(|f| f.attrs.skip.is_none())
                .map(|field| {
                    let member = &field.member;
                    let to = other_member(field);
                    match &field.attrs.with {
                        Some(with) => quote_spanned!(with.span()=> #to: #with(#src.#member)),
                        None => quote!(#to: ::core::convert::Into::into(#src.#member)),
                    }
                });
            quote_spanned! {span=>
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ident #ty_generics> for #other #where_clause {
                    #[allow(clippy::needless_update)]
                    fn from(#src: #ident #ty_generics) -> Self {
                        #other { #(#inits,)* ..::core::default::Default::default() }
                    }
                }
            }
        }
        ConversionKind::TryFrom | ConversionKind::TryInto => {
            let from_other = conversion.kind == ConversionKind::TryFrom;
            let mut lets = TokenStream::new();
            let mut bound: Vec<syn::Ident> = Vec::new();
            let mut inits: Vec<TokenStream> = Vec::new();
            for (i, field) in fields.iter().enumerate() {
                let member = &field.member;
                let theirs = other_member(field);
                let (target, source, key) = if from_other {
                    (member.clone(), theirs, wire_key(field))
                } else {
                    (
                        theirs.clone(),
                        member.clone(),
                        theirs.to_token_stream().to_string(),
                    )
                };
                if field.attrs.skip.is_some() {
                    if from_other {
                        inits.push(quote!(#target: ::core::default::Default::default()));
                    }
                    continue;
                }
                if from_other && field.attrs.default.is_some() {
                    inits.push(quote!(#target: ::core::default::Default::default()));
                    continue;
                }
                let var = format_ident!("__customer_f{}", i);
                let convert = match &field.attrs.with {
                    Some(with) => quote_spanned! {with.span()=>
                        #p::absorb_result(#with(#src.#source), &#p::Path::key(&#p::Path::ROOT, #key), &mut __customer_report)
                    },
                    None => quote! {
                        #p::convert_field(#src.#source, &#p::Path::key(&#p::Path::ROOT, #key), &mut __customer_report)
                    },
                };
                lets.extend(quote!(let #var = #convert;));
                inits.push(quote!(#target: #var));
                bound.push(var);
            }
            let (impl_line, target_ty, built) = if from_other {
                (
                    quote!(impl #impl_generics ::core::convert::TryFrom<#other> for #ident #ty_generics #where_clause),
                    quote!(#other),
                    quote!(#ident { #(#inits,)* }),
                )
            } else {
                (
                    quote!(impl #impl_generics ::core::convert::TryFrom<#ident #ty_generics> for #other #where_clause),
                    quote!(#ident #ty_generics),
                    quote!(#other { #(#inits,)* ..::core::default::Default::default() }),
                )
            };
            let somes = bound
                .iter()
                .map(|v| quote!(::core::option::Option::Some(#v)));
            quote_spanned! {span=>
                #[automatically_derived]
                #impl_line {
                    type Error = #p::ValidationErrors;
                    #[allow(clippy::needless_update)]
                    fn try_from(#src: #target_ty) -> ::core::result::Result<Self, #p::ValidationErrors> {
                        let mut __customer_report = #p::ValidationErrors::new();
                        #lets
                        match (#(#bound,)*) {
                            (#(#somes,)*) => {
                                let __customer_value = #built;
                                #p::CustomerModel::validate(&__customer_value)?;
                                ::core::result::Result::Ok(__customer_value)
                            }
                            #[allow(unreachable_patterns)]
                            _ => ::core::result::Result::Err(__customer_report),
                        }
                    }
                }
            }
        }
    }
}

/// The same tokens located at `span` (and resolved as before), so that a type error about the
/// value is reported at the rule that asked for it.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(token.span().located_at(span));
            token
        })
        .collect()
}
