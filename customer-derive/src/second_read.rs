//! What the `Shape` impl of a struct with named fields (see `crate::shape`) may do with each
//! field, and the pieces of it that are not about shapes: the `where` clause of a generic model,
//! the caller's context for a model with `#[customer(context(C))]`, and the rules of a
//! collection that did not read.
//!
//! A field is read alone (for its rules) through autoref probes, which pick serde's arm by the
//! traits the type has. For a concrete type that choice is right; for a type that names a type
//! parameter it is made from the bounds of the impl, which this module adds (the bounds the
//! rules need, as on the `CustomerModel` impl, and `DeserializeOwned` / `Shape` for the fields
//! whose rules run); for a type that names a lifetime it would be wrong (trait selection ignores
//! lifetimes, so `&'a str` would pick serde's arm and then fail to borrow-check), so such a field
//! is not read at all, except a lifetime that is only the first argument of a `Cow`, read as
//! `Cow<'static, _>`.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};

use crate::ast::{Container, Field, Wire};
use crate::expand::bounds::{mentions, own_clause, rule_predicates};
use crate::rules::each::Each;
use crate::rules::kind::opt_count;
use crate::rules::{At, Emit, Models, Overrides, Rule, RuleSpec};
use crate::trees::Trees;

/// How a field's value may be read alone.
pub(crate) enum Read<'a> {
    /// Through the probes, as this type.
    As(ReadTy<'a>),
    /// Not at all.
    No,
}

/// The type a field is read alone as.
pub(crate) enum ReadTy<'a> {
    /// Its declared type (one that borrows nothing, most of them): its tokens as parsed.
    Declared(&'a syn::Type),
    /// Its declared type with each `Cow` lifetime made `'static`.
    Owned(TokenStream),
}

impl ToTokens for ReadTy<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            ReadTy::Declared(ty) => ty.to_tokens(tokens),
            ReadTy::Owned(ty) => ty.to_tokens(tokens),
        }
    }
}

/// `true` for a type that [`owned`] would give back unchanged and that holds no delimited group:
/// paths whose arguments are such types (`Option<Box<S0>>`), asked of the syntax tree without
/// making its tokens. `false` may be wrong (a tuple, a reference): `owned` decides then.
fn plain(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    path.qself.is_none()
        && path
            .path
            .segments
            .iter()
            .all(|segment| match &segment.arguments {
                syn::PathArguments::None => true,
                syn::PathArguments::AngleBracketed(args) => args.args.iter().all(|arg| match arg {
                    syn::GenericArgument::Type(ty) => plain(ty),
                    _ => false,
                }),
                syn::PathArguments::Parenthesized(_) => false,
            })
}

/// The names of the container's type and const parameters.
fn params(container: &Container) -> Vec<String> {
    container
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .chain(
            container
                .generics
                .const_params()
                .map(|p| p.ident.to_string()),
        )
        .collect()
}

/// `true` when the container has a lifetime parameter.
fn borrows(container: &Container) -> bool {
    container.generics.lifetimes().next().is_some()
}

/// `Some(tokens with every lifetime replaced by 'static)` when each lifetime of `tokens` is the
/// first argument of a `Cow`; `None` when one is not; the tokens unchanged when there is none.
fn owned(tokens: TokenStream) -> Option<TokenStream> {
    /// What the last two trees were, as far as a `Cow<'a` needs to know.
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        Cow,
        Lt,
        Other,
    }
    let mut out = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    let mut last_two = (Seen::Other, Seen::Other);
    while let Some(tt) = iter.next() {
        let seen = match &tt {
            TokenTree::Punct(p) if p.as_char() == '\'' => {
                // `Cow <` just before: the lifetime is Cow's first argument.
                if last_two != (Seen::Cow, Seen::Lt) {
                    return None;
                }
                iter.next(); // the lifetime's name
                out.extend(quote!('static));
                last_two = (Seen::Other, Seen::Other);
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '&' => return None,
            TokenTree::Group(group) => {
                let inner = owned(group.stream())?;
                let mut new = proc_macro2::Group::new(group.delimiter(), inner);
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
                last_two = (last_two.1, Seen::Other);
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => Seen::Lt,
            TokenTree::Ident(ident) if ident == "Cow" => Seen::Cow,
            _ => Seen::Other,
        };
        last_two = (last_two.1, seen);
        out.push(tt);
    }
    Some(out.into_iter().collect())
}

/// Whether the field reads alone, and as which type. A type that names a type or const parameter
/// reads when [`where_clause`] bounds it (`bounded`).
pub(crate) fn read<'a>(container: &Container, field: &Field<'a>, bounded: bool) -> Read<'a> {
    let ty = if plain(field.ty) {
        ReadTy::Declared(field.ty)
    } else {
        match owned(field.ty.to_token_stream()) {
            Some(ty) => ReadTy::Owned(ty),
            None => return Read::No,
        }
    };
    if mentions(field.ty, &params(container)) && !bounded {
        return Read::No;
    }
    Read::As(ty)
}

/// Whether the field's type names a type or const parameter and its rules run in the second
/// read: it is then bounded by [`where_clause`].
pub(crate) fn bounded(container: &Container, field: &Field, value_rules: bool) -> bool {
    value_rules
        && field.attrs.skip.is_none()
        && !field.serde.skip_deserializing
        && field.serde.deserialize_with.is_none()
        && mentions(field.ty, &params(container))
        && owned(field.ty.to_token_stream()).is_some()
}

/// The `where` clause of the `Shape` impl of a struct with named fields: the container's own,
/// and for each field whose type names a type parameter: the bounds its rules need (those of the
/// `CustomerModel` impl), `DeserializeOwned` when its rules run on its value, `Shape` when it is
/// a model (`nested`) walked by its shape. A container with `check`s and no lifetime is also
/// bounded `DeserializeOwned`, to be read whole. All of these hold wherever `Valid<Model<X>>`
/// reads: it needs `Model<X>: DeserializeOwned + CustomerModel` (`CustomerModelWith` for a
/// context), and every derived model implements `Shape`.
pub(crate) fn where_clause<'f, 'a: 'f>(
    container: &Container,
    fields: impl IntoIterator<Item = &'f Field<'a>>,
    value_rules: impl Fn(&Field) -> bool,
    nested: impl Fn(&Field) -> bool,
) -> Option<syn::WhereClause> {
    let mut clause = own_clause(container);
    let names = params(container);
    if names.is_empty() {
        return container.generics.where_clause.clone();
    }
    let p = {
        let krate = &container.krate;
        quote!(#krate)
    };
    let mut extra: Vec<TokenStream> = Vec::new();
    for field in fields {
        let runs = bounded(container, field, value_rules(field));
        let walks = nested(field)
            && field.attrs.skip.is_none()
            && owned(field.ty.to_token_stream()).is_some()
            && mentions(field.ty, &names);
        if !runs && !walks {
            continue;
        }
        clause.predicates.extend(rule_predicates(container, field));
        let ty = field.ty;
        if runs {
            extra.push(quote!(#ty: #p::serde::de::DeserializeOwned));
            // The elements of a collection that did not read are read alone for `each`.
            // As the element type the rule bounds name (`<C as Elements>::Item`).
            if each_item(field).is_some_and(|item| mentions(item, &names)) {
                let inner = field.inner;
                extra.push(quote!(<#inner as #p::Elements>::Item: #p::serde::de::DeserializeOwned));
            }
        }
        if walks {
            extra.push(quote!(#ty: __s::Shape));
        }
    }
    if reads_whole(container) {
        let ident = container.ident;
        let (_, ty_generics, _) = container.generics.split_for_impl();
        extra.push(quote!(#ident #ty_generics: #p::serde::de::DeserializeOwned));
    }
    for predicate in extra {
        match syn::parse2::<syn::WherePredicate>(predicate) {
            Ok(parsed) => clause.predicates.push(parsed),
            Err(error) => unreachable!("shape bounds are where predicates: {error}"),
        }
    }
    (!clause.predicates.is_empty()).then_some(clause)
}

/// Whether the struct is read whole (for what serde refuses beyond the shapes, and the
/// container's checks): without generics always; with type parameters and no lifetime when it
/// has checks (bounded `DeserializeOwned` by [`where_clause`]); with a lifetime never (whether it
/// borrows from the document cannot be told from its tokens).
pub(crate) fn reads_whole(container: &Container) -> bool {
    if container.generics.params.is_empty() {
        return true;
    }
    !borrows(container) && !container.attrs.checks.is_empty()
}

/// Whether the rules of a model with a context can run in the second read: its context type is
/// concrete and names no lifetime, so the caller's context can be erased to `dyn Any` (when it is
/// also sized: see `customer_core`'s `reread` module) and taken back here.
pub(crate) fn context_erasable(container: &Container) -> bool {
    let Some(context) = &container.attrs.context else {
        return true;
    };
    let tokens = context.to_token_stream();
    let only_static = owned_static(tokens.clone());
    only_static && !mentions(context, &params(container))
}

/// `true` when `ty` names no lifetime and no reference.
fn no_lifetime(ty: &syn::Type) -> bool {
    let tokens = ty.to_token_stream();
    owned(tokens.clone()).is_some_and(|t| t.to_string() == tokens.to_string())
}

/// The element type of a sequence whose `each(...)` has a rule the second read runs on the
/// elements (any but `nested`).
fn each_item<'a>(field: &'a Field) -> Option<&'a syn::Type> {
    let (item, _) = sequence(field.inner)?;
    field
        .attrs
        .rules
        .iter()
        .any(|rule| match &rule.kind {
            Rule::Each(each) => each
                .rules
                .iter()
                .any(|r| !matches!(r.kind, Rule::Nested(_))),
            _ => false,
        })
        .then_some(item)
}

/// `true` when `tokens` holds no `&` and no lifetime but `'static`.
fn owned_static(tokens: TokenStream) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    tokens.iter().enumerate().all(|(i, tt)| match tt {
        TokenTree::Punct(p) => match p.as_char() {
            '&' => false,
            '\'' => matches!(tokens.get(i + 1), Some(TokenTree::Ident(id)) if id == "static"),
            _ => true,
        },
        TokenTree::Group(group) => owned_static(group.stream()),
        _ => true,
    })
}

/// The body of the derived `__context_any` of `CustomerModelWith<C>`: `ctx` erased when
/// [`context_erasable`], else `None`.
pub(crate) fn context_any(container: &Container) -> TokenStream {
    match (&container.attrs.context, context_erasable(container)) {
        (Some(context), true) => quote! {
            use __s::{ContextViaAny as _, ContextViaNothing as _};
            (&__s::ContextProbe::<#context>::NEW).erase(ctx)
        },
        _ => quote! {
            let _ = ctx;
            __p::None
        },
    }
}

/// `let __context = …;`: the caller's context, for a model with one (`None` when the caller gave
/// none that could be erased). Empty for a model without.
pub(crate) fn bind_context(container: &Container) -> TokenStream {
    match &container.attrs.context {
        Some(context) => quote! {
            let __context: __p::Option<&#context> =
                __s::Report::context::<#context>(__report);
            let _ = __context;
        },
        None => TokenStream::new(),
    }
}

/// `name`, the `customer_core` method or function that runs a field's rules function, or
/// `name_with` for a model with a context: its rules functions take the context, which
/// `customer_core` takes back from the report (`Report::context`).
pub(crate) fn with_ctx(container: &Container, name: &str) -> syn::Ident {
    match container.attrs.context {
        Some(_) => quote::format_ident!("{name}_with"),
        None => quote::format_ident!("{name}"),
    }
}

/// Whether `tokens` read `__context` (bound by [`bind_context`]): a walk whose rules all run
/// through `customer_core`, which takes the context from the report itself, binds none.
pub(crate) fn reads_context(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => ident == "__context",
        TokenTree::Group(group) => reads_context(&group.stream()),
        _ => false,
    })
}

/// `body` where it may read `ctx`: inside `if let Some(ctx) = __context` for a model with a
/// context, as is for one without.
pub(crate) fn with_context(container: &Container, body: TokenStream) -> TokenStream {
    if container.attrs.context.is_some() {
        quote! {
            if let __p::Some(ctx) = __context {
                #body
            }
        }
    } else {
        body
    }
}

/// The element type of a sequence spelled `Vec<T>`, `VecDeque<T>`, `Box<[T]>` or `[T; N]`, and
/// whether its length is the array's (not of a fixed-size array, whose wrong length is a shape
/// error).
pub(crate) fn sequence(ty: &syn::Type) -> Option<(&syn::Type, bool)> {
    match ty {
        syn::Type::Array(array) => Some((&array.elem, false)),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            let Some(syn::GenericArgument::Type(arg)) = args.args.first() else {
                return None;
            };
            match (last.ident.to_string().as_str(), arg) {
                ("Vec" | "VecDeque", _) if args.args.len() == 1 => Some((arg, true)),
                ("Box", syn::Type::Slice(slice)) => Some((&slice.elem, true)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `true` when `ty` is spelled `HashMap<String, V, ..>` or `BTreeMap<String, V>`.
fn string_map(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    (last.ident == "HashMap" || last.ident == "BTreeMap")
        && matches!(args.args.first(), Some(syn::GenericArgument::Type(key)) if crate::ast::is_string(key))
}

/// The field's `length` and `each(...)` rules (see [`partial_checks`]) when `good` (the field has
/// its shape) is false and `found` (the field's member) is there once.
pub(crate) fn partial_rules(
    container: &Container,
    field: &Field,
    good: &syn::Ident,
    found: &syn::Ident,
) -> TokenStream {
    let partial = partial_checks(container, field);
    if partial.is_empty() {
        return partial;
    }
    let krate = &container.krate;
    let p = krate;
    let layers = field.layers.len();
    let partial = with_context(container, partial);
    // Read through an alias, the value is at the key the document used (see `partial_checks`).
    let key = if crate::ast::aliased(container, field).is_some() {
        quote!(__customer_key)
    } else {
        quote!(_)
    };
    quote! {
        if let (false, __p::Some((#key, __value, true))) = (#good, #found) {
            if let __p::Some(__node) = __s::inside(__value, #layers) {
                let __customer_path: &#p::Path<'_> = __path;
                let __customer_report: &mut #p::ValidationErrors = &mut __report.rules;
                #partial
            }
        }
    }
}

/// Whether the field's rules on a value that did not read (see [`partial_checks`]) are its
/// `each(...)` rules alone, which `customer_core` runs (`Check::each`) with the field's item
/// function: no `length` on the count of elements.
pub(crate) fn each_alone(container: &Container, field: &Field) -> bool {
    let length = (matches!(sequence(field.inner), Some((_, true))) || string_map(field.inner))
        && field
            .attrs
            .rules
            .iter()
            .any(|rule| matches!(rule.kind, Rule::Length(_)));
    !length && !partial_checks(container, field).is_empty()
}

/// When the field's rules on a value that did not read (see [`partial_checks`]) are one
/// `length` on the count of its elements, with literal bounds and no `code` or `message` of
/// the field's, which `customer_core` checks (`Check::counted`, the entry's `RuledLen`): the
/// rest of that entry after its rules function, `layers, count, min, max` (the field's
/// `Option` layers, `__s::array_len` or `__s::distinct_keys`, the bounds as `Option<usize>`).
///
/// `nested`: the field is a `nested` collection (`nested` or `each(nested)`) whose only other
/// rule is that `length` (`Length`, no layers): then `count, min, max`.
pub(crate) fn length_alone(field: &Field, nested: bool) -> Option<TokenStream> {
    if field.attrs.code.is_some() || field.attrs.message.is_some() {
        return None;
    }
    length_bounds(field, nested)
}

/// [`length_alone`] (not `nested`) of a field with its own `code` or `message`, which the
/// count's violation takes (`RuledLenAs`): `layers, count, min, max, code, message`, the last
/// two as `Option<&str>`. `None` for a field without either.
pub(crate) fn length_alone_as(field: &Field) -> Option<TokenStream> {
    let one = |lit: &Option<syn::LitStr>| match lit {
        Some(lit) => quote!(__p::Some(#lit)),
        None => quote!(__p::None),
    };
    if field.attrs.code.is_none() && field.attrs.message.is_none() {
        return None;
    }
    let (code, message) = (one(&field.attrs.code), one(&field.attrs.message));
    let bounds = length_bounds(field, false)?;
    Some(quote!(#bounds, #code, #message))
}

/// [`length_alone`] whatever the field's `code` and `message`.
fn length_bounds(field: &Field, nested: bool) -> Option<TokenStream> {
    let count = match sequence(field.inner) {
        Some((_, true)) => "array_len",
        _ if string_map(field.inner) => "distinct_keys",
        _ => return None,
    };
    let mut bounds = None;
    for rule in &field.attrs.rules {
        match &rule.kind {
            Rule::Length(length) if bounds.is_none() => bounds = Some(&length.0),
            Rule::Nested(_) if nested => {}
            Rule::Each(each)
                if nested
                    && each
                        .rules
                        .iter()
                        .all(|rule| matches!(rule.kind, Rule::Nested(_))) => {}
            Rule::Each(_) | Rule::Length(_) => return None,
            _ if nested => return None,
            _ => {}
        }
    }
    let bounds = bounds?;
    for count in [&bounds.min, &bounds.max].into_iter().flatten() {
        count.literal()?;
    }
    let (min, max) = (
        opt_count(bounds.min.as_ref()),
        opt_count(bounds.max.as_ref()),
    );
    let count = syn::Ident::new(count, proc_macro2::Span::call_site());
    if nested {
        return field
            .layers
            .is_empty()
            .then(|| quote!(__s::#count, #min, #max));
    }
    let layers = proc_macro2::Literal::usize_unsuffixed(field.layers.len());
    Some(quote!(#layers, __s::#count, #min, #max))
}

/// When the field's rules on a value that did not read (see [`partial_checks`]) are one
/// `length` on the count of its elements, with literal bounds and no `code` or `message` of
/// the field's, and its `each(...)` rules on every element that reads alone (a sequence whose
/// elements can be read alone), which `customer_core` runs with the field's item function (the
/// entry's `RuledEachLen`): the field's `Option` layers, `count, min, max` (as
/// [`length_alone`]), and whether `length` is written before `each`.
pub(crate) fn length_and_each(
    container: &Container,
    field: &Field,
) -> Option<(proc_macro2::Literal, TokenStream, bool)> {
    if field.attrs.code.is_some()
        || field.attrs.message.is_some()
        || field.attrs.skip.is_some()
        || field.serde.deserialize_with.is_some()
        || !matches!(field.wire, Wire::Key(_))
    {
        return None;
    }
    let Some((item, true)) = sequence(field.inner) else {
        return None;
    };
    // The elements as `partial_checks` reads them: none that names a lifetime, nor a
    // parameter unless `where_clause` bounded it.
    if !no_lifetime(item)
        || (mentions(item, &params(container)) && !bounded(container, field, true))
    {
        return None;
    }
    let (mut length, mut each) = (None, None);
    for (index, rule) in field.attrs.rules.iter().enumerate() {
        match &rule.kind {
            Rule::Length(bounds) if length.is_none() => length = Some((index, &bounds.0)),
            Rule::Each(rules) if each.is_none() && !rules.rules.is_empty() => each = Some(index),
            Rule::Length(_) | Rule::Each(_) => return None,
            _ => {}
        }
    }
    let ((at, bounds), each) = (length?, each?);
    for count in [&bounds.min, &bounds.max].into_iter().flatten() {
        count.literal()?;
    }
    let (min, max) = (
        opt_count(bounds.min.as_ref()),
        opt_count(bounds.max.as_ref()),
    );
    let layers = proc_macro2::Literal::usize_unsuffixed(field.layers.len());
    Some((layers, quote!(__s::array_len, #min, #max), at < each))
}

/// The field's `length` and `each(...)` rules on what is known of its value when the value did
/// not read because a part of it is wrong: the element count of an array (distinct keys of an
/// object for a map keyed by `String`) for `length`, the `each` rules of each element that reads
/// alone at its own pointer. Runs with `__node` the field's node (inside its `Option` layers);
/// reports into `__customer_report` under `__customer_path`. Empty when nothing applies.
fn partial_checks(container: &Container, field: &Field) -> TokenStream {
    if field.attrs.skip.is_some()
        || field.serde.deserialize_with.is_some()
        || !matches!(field.wire, Wire::Key(_))
    {
        return TokenStream::new();
    }
    let krate = &container.krate;
    let p = krate;
    let seq = sequence(field.inner);
    let count = match seq {
        Some((_, true)) => Some(quote!(__s::array_len(__node))),
        _ if string_map(field.inner) => Some(quote!(__s::distinct_keys(__node))),
        _ => None,
    };
    // Most fields have neither: nothing is built for them.
    let applies = field.attrs.rules.iter().any(|rule| match &rule.kind {
        Rule::Length(_) => count.is_some(),
        Rule::Each(_) => seq.is_some(),
        _ => false,
    });
    if !applies {
        return TokenStream::new();
    }
    let key = if crate::ast::aliased(container, field).is_some() {
        quote!(__customer_key)
    } else {
        match &field.wire {
            Wire::Key(key) => quote!(#key),
            _ => return TokenStream::new(),
        }
    };
    let at = At::new(Trees::named("__customer_path")).key(key);
    let partial = Partial {
        container,
        field,
        p: p.clone(),
        at,
        report: quote!(__customer_report),
        overrides: Overrides {
            code: field.attrs.code.clone(),
            message: field.attrs.message.clone(),
        },
    };
    let mut out = TokenStream::new();
    for rule in &field.attrs.rules {
        match (&rule.kind, &count, seq) {
            (Rule::Length(_), Some(count), _) => out.extend(partial.length(rule, count)),
            (Rule::Each(each), _, Some((item, _))) => out.extend(partial.each(each, item)),
            _ => {}
        }
    }
    out
}

/// What the checks of a field that did not read share.
struct Partial<'a> {
    container: &'a Container<'a>,
    field: &'a Field<'a>,
    /// `KRATE::__private`.
    p: Trees,
    /// The field's place, below `__customer_path`.
    at: At,
    /// The `&mut ValidationErrors` the rules report into.
    report: TokenStream,
    overrides: Overrides,
}

impl Partial<'_> {
    fn emit(&self, rule: &RuleSpec, value: Trees, at: At) -> TokenStream {
        rule.kind.emit(&Emit {
            krate: &self.container.krate,
            value,
            at,
            report: &self.report,
            overrides: &self.overrides,
            span: rule.span,
            field_ty: None,
            layer: None,
            context: self.container.attrs.context.as_ref(),
            models: Models::Walk,
        })
    }

    /// `length` on the number of elements (or distinct keys) `count` finds in the document.
    fn length(&self, rule: &RuleSpec, count: &TokenStream) -> TokenStream {
        let check = self.emit(
            rule,
            Trees::from(quote!(&__customer_counted)),
            self.at.clone(),
        );
        quote! {
            if let __p::Some(__count) = #count {
                let __customer_counted = __s::Counted(__count);
                #check
            }
        }
    }

    /// `each(...)` on the elements (of type `item`) that read alone, at their own pointers.
    fn each(&self, each: &Each<Rule>, item: &syn::Type) -> TokenStream {
        let (container, field, p, at) = (self.container, self.field, &self.p, &self.at);
        // An element that names a lifetime is not read alone, nor one that names a parameter
        // unless `where_clause` bounded it.
        let plain = no_lifetime(item)
            && (!mentions(item, &params(container)) || bounded(container, field, true));
        if !plain {
            return TokenStream::new();
        }
        let item = if mentions(item, &params(container)) {
            let inner = field.inner;
            quote!(<#inner as #p::Elements>::Item)
        } else {
            item.to_token_stream()
        };
        let checks: TokenStream = each
            .rules
            .iter()
            .map(|inner| {
                self.emit(
                    inner,
                    Trees::named("__customer_item"),
                    at.index(Trees::named("__customer_index")),
                )
            })
            .collect();
        if checks.is_empty() {
            return TokenStream::new();
        }
        let report = &self.report;
        quote! {
            {
                let mut __customer_items = #p::Items::new(#report);
                for (__customer_index, __item) in ::core::iter::Iterator::enumerate(
                    __s::elements(__node).iter(),
                ) {
                    use __s::{ReadViaNothing as _, ReadViaSerde as _};
                    __customer_items.item(#report);
                    if let __p::Some(__customer_item) =
                        (&__s::ReadProbe::<#item>::NEW).read_alone(__item)
                    {
                        let __customer_item = &__customer_item;
                        #checks
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{owned, owned_static};

    #[test]
    fn only_cow_lifetimes_are_read_as_static() {
        let read = |tokens: proc_macro2::TokenStream| owned(tokens).map(|t| t.to_string());
        assert_eq!(
            read(quote!(Option<Vec<std::borrow::Cow<'a, str>>>)),
            Some(quote!(Option<Vec<std::borrow::Cow<'static, str>>>).to_string())
        );
        assert_eq!(read(quote!(Vec<T>)), Some(quote!(Vec<T>).to_string()));
        assert_eq!(read(quote!(&'a str)), None);
        assert_eq!(read(quote!(Option<Name<'a>>)), None);
        assert_eq!(read(quote!(Cow<'a, Name<'a>>)), None);
    }

    #[test]
    fn a_context_names_no_lifetime_but_static() {
        assert!(owned_static(quote!(Limits)));
        assert!(owned_static(quote!(Borrowed<'static>)));
        assert!(!owned_static(quote!(Borrowed<'a>)));
        assert!(!owned_static(quote!(&'static Limits)));
        assert!(!owned_static(quote!(Vec<&'static str>)));
    }
}
