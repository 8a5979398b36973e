//! The pieces every form of the `Shape` impl is built from (the newtype and `opaque` in
//! `shape.rs`, `named`, `forms`, `data_enum`): the probe imports, the `__shape` signature, the
//! whole read, which rules a field has and the code that runs them. Below all of them, so that
//! they import it and it imports none of them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Field};
use crate::expand::tokens::field_path;
use crate::expand::validate::field_checks;
use crate::rules::{Models, Rule};

/// What the emitted code may do with the type: read a value of it from the tree through serde,
/// and run its rules (`CustomerModel`, no context).
#[derive(Clone, Copy)]
pub(super) struct Can {
    pub(super) read: bool,
    pub(super) validate: bool,
}

/// The probe traits in scope: `can_read` adds the serde arms.
pub(super) fn probes(can_read: bool) -> TokenStream {
    let traits = if can_read {
        quote!(via_read)
    } else {
        quote!(via_shape)
    };
    // `__s`: the runtime's `shape` module, imported once for the whole output.
    quote! {
        use __s::#traits::*;
    }
}

pub(super) fn signature(p: &TokenStream) -> TokenStream {
    quote! {
        fn __shape(
            __node: &#p::shape::Node,
            __path: &#p::Path<'_>,
            __report: &mut #p::shape::Report,
            __rules: bool,
        ) -> bool
    }
}

/// Reads the whole value and runs `then` on it (`__whole`) when `__rules` and the model can be
/// validated; `true` when it read.
pub(super) fn read_whole(
    p: &TokenStream,
    node: &TokenStream,
    can: Can,
    then: &TokenStream,
) -> TokenStream {
    if !can.read {
        return quote!(true);
    }
    let validate = (can.validate && !then.is_empty()).then(|| {
        quote! {
            if __rules {
                #then
            }
        }
    });
    quote! {{
        let __shapes = #p::shape::Report::shape_count(__report);
        if let __p::Some(__whole) =
            (&#p::shape::ReadProbe::<Self>::NEW).read_node(#node, __path, __report)
        {
            let _ = &__whole;
            #validate
        }
        #p::shape::Report::shape_count(__report) == __shapes
    }}
}

/// The whole read of a model whose walk may be exact and that has no checks to run on the value
/// read, as a `bool` expression (`true`: nothing new reported): decided by the constant
/// `ReadProbe::<Self>::WHOLE`, none when the walk is exact. A constant and not a branch on
/// `Shape::__EXACT`, so that the read not taken is not mentioned in the model's code (rustc's
/// monomorphization collector walks what a function mentions, dead branches included). `node`,
/// an expression of type `&Node`, is evaluated only when read. Only for a model without
/// generics (see `ReadProbe::WHOLE`).
pub(super) fn whole_unless_exact(p: &TokenStream, node: &TokenStream, can: Can) -> TokenStream {
    if !can.read {
        return quote!(true);
    }
    quote! {{
        use #p::shape::WholeViaNothing as _;
        match #p::shape::ReadProbe::<Self>::WHOLE {
            __p::Some(__whole) => __whole(#node, __path, __report),
            __p::None => true,
        }
    }}
}

pub(super) fn is_nested(field: &Field) -> bool {
    field.attrs.rules.iter().any(|rule| match &rule.kind {
        Rule::Nested(_) => true,
        Rule::Each(each) => each.rules.iter().any(|r| matches!(r.kind, Rule::Nested(_))),
        _ => false,
    })
}

pub(super) fn has_rules(field: &Field) -> bool {
    field.attrs.skip.is_none() && !field.attrs.rules.is_empty()
}

/// Whether the field has a rule the second read runs on the value itself: any but `nested`
/// (whose model is walked by its shape).
pub(super) fn has_value_rules(field: &Field) -> bool {
    has_rules(field)
        && field.attrs.rules.iter().any(|rule| match &rule.kind {
            Rule::Nested(_) => false,
            Rule::Each(each) => each
                .rules
                .iter()
                .any(|r| !matches!(r.kind, Rule::Nested(_))),
            _ => true,
        })
}

/// The field's rules on `value` (an expression of type `&FieldType`), violations into
/// `__report.rules`.
pub(super) fn checks_on(
    container: &Container,
    field: &Field,
    value: &TokenStream,
    models: Models,
) -> TokenStream {
    let at = field_path(container, field, &quote!(__customer_path));
    checks_at(container, field, value, models, &at)
}

/// [`checks_on`], the field's pointer being `at` (below `__customer_path`): the key a member
/// read through an alias was found under, say.
pub(super) fn checks_at(
    container: &Container,
    field: &Field,
    value: &TokenStream,
    models: Models,
    at: &TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    let checks = field_checks(
        krate,
        field,
        value,
        at,
        &quote!(__customer_report),
        container.attrs.context.as_ref(),
        models,
    );
    quote! {
        let __customer_path: &#p::Path<'_> = __path;
        let __customer_report: &mut #p::ValidationErrors = &mut __report.rules;
        #checks
    }
}
