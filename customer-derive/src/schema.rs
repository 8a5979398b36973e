//! `schemars::JsonSchema` from the same model: the rules as JSON Schema keywords.
//!
//! The impl is emitted only with this crate's feature `schemars`, which customer-core's feature
//! of that name turns on (without it a third of a model's tokens were written for nothing), and
//! inside `customer_core::__private::schema_impl! { ... }`, which expands to it only when
//! customer-core's feature is on: another crate of the build may turn on this crate's feature
//! alone, and a proc-macro cannot see the features of the crate it writes for. This module writes what is not per-rule (the
//! object, its properties, which keys are required, descriptions, the container's checks); the
//! keywords of each rule are its own [`crate::rules::RuleKind::schema`], on the rule table; the
//! keyword builders themselves live in `customer_core::__private::schema`.

pub(crate) mod cx;
pub(crate) mod ecma;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Attribute, DeriveInput};

use crate::ast::{Container, Data, Field, Layer, Style, Variant, Wire};
use crate::rules::{Rule, RuleSpec};
use crate::trees::Trees;
use cx::{path_string, SchemaCx};

/// The parts of `#[serde(...)]` that decide whether a key must be present, as the derive read
/// them (`crate::attr::serde`, which reports what it cannot read).
struct SerdeExtra {
    default: bool,
    skip_de: bool,
    deny_unknown_fields: bool,
    /// `deserialize_with` or `with`: serde then requires the key of an `Option` field too
    /// (only its own `Deserialize` reads a missing key as `None`).
    deserialize_with: bool,
}

fn serde_extra(serde: &crate::attr::SerdeAttrs) -> SerdeExtra {
    SerdeExtra {
        default: serde.default.is_some(),
        skip_de: serde.skip_deserializing,
        deny_unknown_fields: serde.deny_unknown_fields,
        deserialize_with: serde.deserialize_with.is_some(),
    }
}

/// The doc comment of an item, lines trimmed and joined.
fn doc(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                lines.push(s.value().trim().to_owned());
            }
        }
    }
    let mut out = String::new();
    for line in lines {
        if line.is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(&line);
        }
    }
    out.trim().to_owned()
}

/// The `JsonSchema` impl of the model, wrapped in the macro that keeps it only with feature
/// `schemars`.
pub(crate) fn expand(container: &Container, input: &DeriveInput) -> TokenStream {
    let cx = Cx {
        container,
        s: cx::builders().to_token_stream(),
        description: doc(&input.attrs),
        gen: quote!(__customer_gen),
    };
    let serde = serde_extra(&container.serde);
    let body = match (&container.data, &input.data) {
        (Data::Struct(Style::Named, fields), syn::Data::Struct(data)) => {
            cx.object(fields, data, &serde)
        }
        (Data::Struct(Style::Tuple, fields), syn::Data::Struct(data)) if fields.len() == 1 => {
            cx.newtype(&fields[0], data.fields.iter().next())
        }
        (Data::Struct(Style::Tuple, fields), _) => cx.tuple(fields),
        (Data::Struct(Style::Unit, _), _) => {
            let (s, description) = (&cx.s, &cx.description);
            quote!(#s::unit(#description))
        }
        (Data::Enum(variants), _) if union_wire(container, variants) => cx.union(variants),
        (Data::Enum(variants), _) => {
            let (s, description) = (&cx.s, &cx.description);
            let known: Vec<&String> = variants
                .iter()
                .filter(|v| v.attrs.other.is_none())
                .map(|v: &Variant| &v.wire_name)
                .collect();
            let open = variants.iter().any(|v| v.attrs.other.is_some());
            quote!(#s::string_enum(#description, &[#(#known),*], #open))
        }
        _ => return TokenStream::new(),
    };
    json_schema_impl(container, &cx.gen, &body)
}

/// Whether serde reads the enum as something else than one of its names: a variant carries
/// data (other than the `#[customer(other)]` variant's unknown name), the enum has a tag or is
/// untagged, or serde's `other` variant takes any name.
fn union_wire(container: &Container, variants: &[Variant]) -> bool {
    container.serde.tag.is_some()
        || container.serde.untagged
        || container.data_variants().is_some()
        || variants.iter().any(|v| v.serde.other)
}

/// What the schema of each form of container needs.
struct Cx<'a> {
    container: &'a Container<'a>,
    /// `KRATE::__private::schema`.
    s: TokenStream,
    /// The container's doc comment.
    description: String,
    /// The schema generator's name.
    gen: TokenStream,
}

impl Cx<'_> {
    /// A struct with named fields: an object of its properties.
    fn object(&self, fields: &[Field], data: &syn::DataStruct, serde: &SerdeExtra) -> TokenStream {
        let Cx {
            container,
            s,
            description,
            ..
        } = self;
        let mut props = TokenStream::new();
        for (field, original) in fields.iter().zip(data.fields.iter()) {
            props.extend(property(container, field, original, serde));
        }
        let deny = serde
            .deny_unknown_fields
            .then(|| quote!(__customer_object.deny_unknown_fields();));
        let checks = checks(container, &quote!(__customer_object.schema_mut()));
        quote! {
            let mut __customer_object = #s::Object::new(#description);
            #props
            #deny
            #checks
            __customer_object.finish(__customer_gen)
        }
    }

    /// A newtype: its field's schema, with the container's rules.
    fn newtype(&self, field: &Field, original: Option<&syn::Field>) -> TokenStream {
        let Cx {
            container,
            s,
            description,
            gen,
        } = self;
        let ty = field.ty;
        let rules = if field.attrs.skip.is_some() {
            TokenStream::new()
        } else {
            value_rules(
                &container.krate,
                &container.attrs.rules,
                &quote!(&mut __customer_owned),
                gen,
                false,
            )
        };
        let field_doc = original.map(|f| doc(&f.attrs)).unwrap_or_default();
        let probe_inline_ty =
            field_probe(container, field, s, &ty.to_token_stream(), gen, "inline");
        let mut edits = describe(s, &quote!(&mut __customer_owned), description);
        edits.extend(describe(s, &quote!(&mut __customer_owned), &field_doc));
        edits.extend(rules);
        edits.extend(checks(container, &quote!(&mut __customer_owned)));
        edited(&probe_inline_ty, &edits)
    }

    /// An enum serde reads with its variants' data or a tag:
    /// `customer_core::__private::schema::Union`, fed each variant's names and content.
    fn union(&self, variants: &[Variant]) -> TokenStream {
        let Cx {
            container,
            s,
            description,
            gen,
        } = self;
        let serde = &container.serde;
        let tagging = match (&serde.tag, &serde.content) {
            _ if serde.untagged => quote!(#s::Tagging::Untagged),
            (Some(tag), Some(content)) => quote!(#s::Tagging::Adjacent(#tag, #content)),
            (Some(tag), None) => quote!(#s::Tagging::Internal(#tag)),
            (None, _) => quote!(#s::Tagging::External),
        };
        let deny = serde.deny_unknown_fields;
        let fields_serde = SerdeExtra {
            default: false,
            skip_de: false,
            deny_unknown_fields: deny,
            deserialize_with: false,
        };
        let mut body = TokenStream::new();
        let mut other = false;
        for variant in variants {
            if variant.serde.skip_deserializing {
                continue;
            }
            if variant.serde.other {
                other = true;
                continue;
            }
            let names = std::iter::once(&variant.wire_name).chain(variant.serde.alias.iter());
            let description = doc(&variant.original.attrs);
            let (kind, content) = match (&variant.style, &variant.original.fields) {
                (Style::Unit, _) => (quote!(Unit), quote!(::core::default::Default::default())),
                (Style::Named, syn::Fields::Named(original)) => {
                    let mut props = TokenStream::new();
                    for (field, original) in variant.fields.iter().zip(original.named.iter()) {
                        props.extend(property(container, field, original, &fields_serde));
                    }
                    let deny = deny.then(|| quote!(__customer_object.deny_unknown_fields();));
                    (
                        quote!(Struct),
                        quote! {{
                            let mut __customer_object = #s::Object::new(#description);
                            #props
                            #deny
                            __customer_object.finish(__customer_gen)
                        }},
                    )
                }
                (Style::Tuple, syn::Fields::Unnamed(original)) if variant.fields.len() == 1 => {
                    let field = &variant.fields[0];
                    let ty = field.ty.to_token_stream();
                    let probe = field_probe(container, field, s, &ty, gen, "subschema");
                    let rules = if field.attrs.skip.is_some() {
                        TokenStream::new()
                    } else {
                        // A newtype variant's `#[customer(...)]` is its field's (`ast`).
                        value_rules(
                            &container.krate,
                            &field.attrs.rules,
                            &quote!(&mut __customer_owned),
                            gen,
                            !field.layers.is_empty(),
                        )
                    };
                    let field_doc = original
                        .unnamed
                        .first()
                        .map(|f| doc(&f.attrs))
                        .unwrap_or_default();
                    let mut edits = describe(s, &quote!(&mut __customer_owned), &description);
                    edits.extend(describe(s, &quote!(&mut __customer_owned), &field_doc));
                    edits.extend(rules);
                    (quote!(Newtype), edited(&probe, &edits))
                }
                (Style::Tuple, _) => {
                    let items = self.items(&variant.fields);
                    (
                        quote!(Tuple),
                        quote!(#s::tuple(#description, ::std::vec![#(#items),*])),
                    )
                }
                _ => continue,
            };
            let untagged = variant.untagged;
            body.extend(quote! {
                {
                    let __customer_content = #content;
                    __customer_union.variant(
                        #gen,
                        &[#(#names),*],
                        #s::Content::#kind,
                        __customer_content,
                        #untagged,
                    );
                }
            });
        }
        let other = other.then(|| quote!(__customer_union.other();));
        let checks = checks(container, &quote!(__customer_union.schema_mut()));
        quote! {
            let mut __customer_union = #s::Union::new(#description, #tagging, #deny);
            #body
            #other
            #checks
            __customer_union.finish()
        }
    }

    /// The schemas of the elements of a tuple, each with its rules.
    fn items(&self, fields: &[Field]) -> Vec<TokenStream> {
        let Cx {
            container, s, gen, ..
        } = self;
        fields
            .iter()
            .filter(|field| !field.serde.skip_deserializing)
            .map(|field| {
                let ty = field.ty;
                let rules = if field.attrs.skip.is_some() {
                    TokenStream::new()
                } else {
                    value_rules(
                        &container.krate,
                        &field.attrs.rules,
                        &quote!(&mut __customer_owned),
                        gen,
                        !field.layers.is_empty(),
                    )
                };
                let probe_subschema_ty =
                    field_probe(container, field, s, &ty.to_token_stream(), gen, "subschema");
                edited(&probe_subschema_ty, &rules)
            })
            .collect()
    }

    /// A tuple struct of two or more fields: an array of their schemas.
    fn tuple(&self, fields: &[Field]) -> TokenStream {
        let Cx {
            container,
            s,
            description,
            ..
        } = self;
        let items = self.items(fields);
        let checks = checks(container, &quote!(&mut __customer_owned));
        quote! {
            let mut __customer_owned = #s::tuple(#description, ::std::vec![#(#items),*]);
            #checks
            __customer_owned
        }
    }
}

/// The `JsonSchema` impl whose `json_schema` is `body`: named after the type and its
/// parameters, each parameter bounded `JsonSchema`.
fn json_schema_impl(container: &Container, gen: &TokenStream, body: &TokenStream) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    let s = cx::builders();
    let sc = p.join("schemars");
    let ident = container.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let mut where_clause = where_clause.cloned();
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    if !params.is_empty() {
        let clause = where_clause.get_or_insert_with(|| syn::WhereClause {
            where_token: Default::default(),
            predicates: Default::default(),
        });
        for param in &params {
            clause
                .predicates
                .push(syn::parse_quote!(#param: #sc::JsonSchema));
        }
    }
    let schema_name = quote! {
        #s::generic_name(#name, &[#(<#params as #sc::JsonSchema>::schema_name()),*])
    };
    let schema_id = quote! {
        #s::generic_id(
            ::core::module_path!(),
            #name,
            &[#(<#params as #sc::JsonSchema>::schema_id()),*],
        )
    };
    quote! {
        #p::schema_impl! {
            use #p::schema as #s;
            #[automatically_derived]
            impl #impl_generics #sc::JsonSchema for #ident #ty_generics #where_clause {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    #schema_name
                }
                fn schema_id() -> ::std::borrow::Cow<'static, str> {
                    #schema_id
                }
                fn json_schema(#gen: &mut #sc::SchemaGenerator) -> #sc::Schema {
                    // The probes pick a type's schema by autoref (`probe`).
                    #[allow(unused_imports)]
                    use #s::{ViaAnything as _, ViaJsonSchema as _};
                    #body
                }
            }
        }
    }
}

/// One property of a struct with named fields.
fn property(
    container: &Container,
    field: &Field,
    original: &syn::Field,
    container_serde: &SerdeExtra,
) -> TokenStream {
    let s = cx::builders();
    let gen = quote!(__customer_gen);
    let serde = serde_extra(&field.serde);
    if serde.skip_de {
        return TokenStream::new();
    }
    let has_required = field
        .attrs
        .rules
        .iter()
        .any(|r| matches!(r.kind, Rule::Required(_)));
    let defaulted = serde.default || container_serde.default;
    let first = field.layers.first().copied();
    let ty = field.ty;
    if let Wire::Same = field.wire {
        // `#[serde(flatten)]`: the rules of a flattened field are its type's own.
        let optional = first == Some(Layer::Option) || defaulted;
        let probe_inline_ty =
            field_probe(container, field, &s, &ty.to_token_stream(), &gen, "inline");
        return quote! {
            {
                let __customer_flat = #probe_inline_ty;
                __customer_object.flatten(#gen, __customer_flat, #optional);
            }
        };
    }
    let Wire::Key(key) = &field.wire else {
        return TokenStream::new();
    };
    let checked = field.attrs.skip.is_none();
    // `required` on an `Option` / `Patch` field refuses `null`: the schema is the inner type's.
    let (schema_ty, nullable) = if has_required && checked && first.is_some() {
        (field.inner.to_token_stream(), false)
    } else {
        (ty.to_token_stream(), first.is_some())
    };
    let required = if checked && has_required {
        // `Patch` + `required`: absent is still "no change"; only `null` is refused.
        first != Some(Layer::Patch) && !defaulted || first == Some(Layer::Option)
    } else {
        // serde reads a missing key as `None` only through `Option`'s own `Deserialize`.
        let read_as_none = first == Some(Layer::Option) && !serde.deserialize_with;
        first != Some(Layer::Patch) && !read_as_none && !defaulted
    };
    let rules = if checked {
        value_rules(
            &container.krate,
            &field.attrs.rules,
            &quote!(&mut __customer_owned),
            &gen,
            nullable,
        )
    } else {
        TokenStream::new()
    };
    let description = doc(&original.attrs);
    let probe_subschema_schema_ty =
        field_probe(container, field, &s, &schema_ty, &gen, "subschema");
    if rules.is_empty() && description.is_empty() {
        // Nothing to add to the type's schema: passed as it is.
        return add_property(field, key, &probe_subschema_schema_ty, required);
    }
    let add = add_property(field, key, &quote!(__customer_owned), required);
    let describe = describe(&s, &quote!(&mut __customer_owned), &description);
    quote! {
        {
            let mut __customer_owned = #probe_subschema_schema_ty;
            #describe
            #rules
            #add
        }
    }
}

/// The statement that adds the property `key` of schema `schema` to `__customer_object` (under
/// each `#[serde(alias)]` too).
fn add_property(field: &Field, key: &str, schema: &TokenStream, required: bool) -> TokenStream {
    // A field read under `#[serde(alias)]` keys too has its rules under each of them.
    if field.serde.alias.is_empty() {
        quote!(__customer_object.property(#key, #schema, #required);)
    } else {
        let aliases = &field.serde.alias;
        quote! {
            __customer_object.property_with_aliases(
                #key,
                &[#(#aliases),*],
                #schema,
                #required,
            );
        }
    }
}

/// The schema `schema` (an expression) after `edits` (statements on `&mut __customer_owned`).
fn edited(schema: &TokenStream, edits: &TokenStream) -> TokenStream {
    if edits.is_empty() {
        return schema.clone();
    }
    quote! {{
        let mut __customer_owned = #schema;
        #edits
        __customer_owned
    }}
}

/// `describe(schema, text)`, or nothing for an empty text (which `describe` ignores).
fn describe(s: &TokenStream, schema: &TokenStream, text: &str) -> TokenStream {
    if text.is_empty() {
        TokenStream::new()
    } else {
        quote!(#s::describe(#schema, #text);)
    }
}

/// The schema of a field's type `ty` (`probe`), except for a field that leaves a model
/// unvalidated (`skip`, `skip_nested`): its schema must not promise the model's rules, so a model
/// there is any value (`Probe::unvalidated`), and so is a type parameter, which may be one.
fn field_probe(
    container: &Container,
    field: &Field,
    s: &TokenStream,
    ty: &TokenStream,
    gen: &TokenStream,
    method: &str,
) -> TokenStream {
    if field.attrs.skip.is_none() && field.attrs.skip_nested.is_none() {
        return probe(s, ty, gen, method);
    }
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    if crate::ast::names_param(field.ty, &params).is_some() {
        return quote!(#s::unvalidated_model());
    }
    let method = syn::Ident::new(
        &format!("unvalidated_{method}"),
        proc_macro2::Span::call_site(),
    );
    quote! {{
        #[allow(unused_imports)]
        use #s::{UnvalidatedViaAnything as _, UnvalidatedViaJsonSchema as _, UnvalidatedViaModel as _};
        (&&&#s::Probe::<#ty>::NEW).#method(#gen)
    }}
}

/// The schema of `ty` through `customer_core::__private::schema::Probe`: its `JsonSchema` impl
/// when it has one, any value otherwise.
fn probe(s: &TokenStream, ty: &TokenStream, gen: &TokenStream, method: &str) -> TokenStream {
    let method = syn::Ident::new(method, proc_macro2::Span::call_site());
    // `ViaAnything` and `ViaJsonSchema` are imported at the top of `json_schema`.
    quote!((&#s::Probe::<#ty>::NEW).#method(#gen))
}

/// The container's `check` functions, noted on `schema` (a `&mut Schema` expression).
fn checks(container: &Container, schema: &TokenStream) -> TokenStream {
    let s = cx::builders();
    container
        .attrs
        .checks
        .iter()
        .map(|path| {
            let name = path_string(path);
            quote!(#s::check(#schema, #name);)
        })
        .collect()
}

/// The keywords of `rules`, added to `schema` (a `&mut schemars::Schema` variable).
fn value_rules(
    krate: &Trees,
    rules: &[RuleSpec],
    schema: &TokenStream,
    gen: &TokenStream,
    nullable: bool,
) -> TokenStream {
    let cx = SchemaCx {
        krate,
        schema,
        gen,
        nullable,
    };
    rules.iter().map(|rule| rule.kind.schema(&cx)).collect()
}
