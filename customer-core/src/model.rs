//! The [`CustomerModel`] trait and its implementations for the containers `nested` goes through;
//! [`CustomerModelWith`] for models whose rules read a validation context, and [`ModelContext`],
//! which names the context a model needs (for [`Valid`](crate::Valid) and the axum extractor).

use crate::error::{Items, Path, RuleError, ValidationErrors, MAX_DEPTH};

/// A value that knows the rules of its fields: usually `#[derive(CustomerModel)]`.
///
/// `validate` reports every violation at once, each at the JSON Pointer of the offending value in
/// wire names. It allocates nothing when the value is valid.
///
/// A model with `#[customer(context(T))]` implements [`CustomerModelWith<T>`] instead, and has no
/// `validate()`: its rules cannot run without their context.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a customer model",
    label = "`{Self}` does not implement `CustomerModel`",
    note = "add `#[derive(CustomerModel)]` to `{Self}`",
    note = "a model with `#[customer(context(T))]` has no `validate()`: it is validated with `validate_with(&ctx)`, and `nested` passes the context down only to models of the same context type"
)]
pub trait CustomerModel {
    /// Checks every rule and returns every violation, in declared field order; inside a
    /// [`MaxViolations::scope`](crate::json::MaxViolations::scope), at most that many, then one
    /// `too_many_violations` (the violations of a collection's elements past the cap are
    /// counted, not built).
    fn validate(&self) -> Result<(), ValidationErrors> {
        let rules = crate::json::Rules::current();
        let mut report = ValidationErrors::with_cap(rules.cap);
        // A guard, not a closure: a closure would be one more function per model.
        let _reading = rules.finish.then(crate::json::reading_rules);
        self.validate_into(&Path::ROOT, &mut report);
        if report.is_empty() {
            Ok(())
        } else {
            Err(crate::json::finish_rules(rules, report))
        }
    }

    /// Checks every rule, appending the violations to `report` with pointers under `path`.
    ///
    /// This is how nested models report into their parent's report.
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors);
}

/// A model whose rules read a validation context of type `C`: `#[derive(CustomerModel)]` with
/// `#[customer(context(C))]` on the struct.
///
/// ```
/// use customer_core::{CustomerModel, CustomerModelWith};
///
/// struct Limits {
///     name_max: usize,
/// }
///
/// #[derive(CustomerModel)]
/// #[customer(context(Limits))]
/// struct Profile {
///     #[customer(length(max = ctx.name_max))]
///     name: String,
/// }
///
/// let profile = Profile { name: "Josephine".to_owned() };
/// assert!(profile.validate_with(&Limits { name_max: 16 }).is_ok());
/// let errors = profile.validate_with(&Limits { name_max: 4 }).unwrap_err();
/// assert_eq!(errors.to_string(), "/name: must have a length of at most 4");
/// ```
///
/// Nested models with the same context type get it passed down; nested models without a context
/// are validated as usual. `Option`, `Box`, `Vec`, slices, arrays, `Rc`, `Arc` and map values of a
/// `CustomerModelWith<C>` are `CustomerModelWith<C>` too.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a customer model with a context of type `{C}`",
    label = "`{Self}` does not implement `CustomerModelWith<{C}>`",
    note = "add `#[derive(CustomerModel)]` and `#[customer(context({C}))]` to `{Self}`"
)]
pub trait CustomerModelWith<C: ?Sized> {
    /// Checks every rule with `ctx` and returns every violation, in declared field order; inside
    /// a [`MaxViolations::scope`](crate::json::MaxViolations::scope), at most that many, as
    /// [`CustomerModel::validate`].
    fn validate_with(&self, ctx: &C) -> Result<(), ValidationErrors> {
        let rules = crate::json::Rules::current();
        let mut report = ValidationErrors::with_cap(rules.cap);
        // A guard, not a closure: a closure would be one more function per model.
        let _reading = rules.finish.then(crate::json::reading_rules);
        self.validate_into_with(ctx, &Path::ROOT, &mut report);
        if report.is_empty() {
            Ok(())
        } else {
            Err(crate::json::finish_rules(rules, report))
        }
    }

    /// Checks every rule with `ctx`, appending the violations to `report` under `path`.
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors);

    /// `ctx` as `dyn Any`, for the second read of a document that did not read (see
    /// [`crate::json`]): the derive returns it when the context type is `'static` and sized, so
    /// the rules of the parts that read run with it; `None` (the default) leaves them out.
    #[doc(hidden)]
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any>
    where
        Self: Sized,
    {
        let _ = ctx;
        None
    }
}

/// The context a model's rules read: [`NoContext`] for every [`CustomerModel`], the type of
/// `#[customer(context(T))]` for the others (the derive implements it). What lets
/// [`Valid<T>`](crate::Valid) and the axum extractor serve both kinds of model.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a customer model",
    label = "`{Self}` does not implement `CustomerModel`",
    note = "add `#[derive(CustomerModel)]` to `{Self}`"
)]
pub trait ModelContext {
    /// What the rules read: [`NoContext`], or the type of `#[customer(context(T))]`.
    type Context;

    /// Validates with `ctx`.
    fn validate_in_context(&self, ctx: &Self::Context) -> Result<(), ValidationErrors>;

    /// See [`CustomerModelWith::__context_any`].
    #[doc(hidden)]
    #[inline]
    fn __context_any(ctx: &Self::Context) -> Option<&dyn std::any::Any>
    where
        Self: Sized,
    {
        let _ = ctx;
        None
    }
}

impl<T: CustomerModel + ?Sized> ModelContext for T {
    type Context = NoContext;

    #[inline]
    fn validate_in_context(&self, _: &NoContext) -> Result<(), ValidationErrors> {
        self.validate()
    }
}

/// The context of a model without one. With the `axum` feature it can be had from any router
/// state, so a plain model's extractor needs nothing of the state.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct NoContext;

// `CustomerModelWith<C>` for the containers `nested` goes through, as for `CustomerModel`.

impl<T: CustomerModelWith<C>, C: ?Sized> CustomerModelWith<C> for Option<T> {
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into_with(ctx, path, report);
        }
    }
}

impl<T: CustomerModelWith<C>, C: ?Sized> CustomerModelWith<C> for crate::patch::Patch<T> {
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if let crate::patch::Patch::Value(value) = self {
            value.validate_into_with(ctx, path, report);
        }
    }
}

impl<T: CustomerModelWith<C>, C: ?Sized> CustomerModelWith<C> for Vec<T> {
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into_with(ctx, path, report);
    }
}

impl<T: CustomerModelWith<C> + ?Sized, C: ?Sized> CustomerModelWith<C> for &T {
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into_with(ctx, path, report);
    }
}

impl<T: CustomerModelWith<C> + ?Sized, C: ?Sized> CustomerModelWith<C> for Box<T> {
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if !too_deep(path, report) {
            (**self).validate_into_with(ctx, path, report);
        }
    }
}

impl<T: CustomerModelWith<C> + ?Sized, C: ?Sized> CustomerModelWith<C> for std::rc::Rc<T> {
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into_with(ctx, path, report);
    }
}

impl<T: CustomerModelWith<C> + ?Sized, C: ?Sized> CustomerModelWith<C> for std::sync::Arc<T> {
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into_with(ctx, path, report);
    }
}

impl<T: CustomerModelWith<C>, C: ?Sized> CustomerModelWith<C> for [T] {
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        let mut items = Items::new(report);
        for (index, item) in self.iter().enumerate() {
            items.item(report);
            item.validate_into_with(ctx, &path.index(index), report);
        }
    }
}

impl<T: CustomerModelWith<C>, C: ?Sized, const N: usize> CustomerModelWith<C> for [T; N] {
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    #[inline]
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into_with(ctx, path, report);
    }
}

impl<K: AsRef<str>, T: CustomerModelWith<C>, S, C: ?Sized> CustomerModelWith<C>
    for std::collections::HashMap<K, T, S>
{
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        let start = report.kept();
        for (key, value) in self {
            value.validate_into_with(ctx, &path.key(key.as_ref()), report);
        }
        // By key, as for `CustomerModel`: not in hash order.
        if report.kept() - start > 1 {
            report.sort_tail_by_member(start, path);
        }
    }
}

impl<K: AsRef<str>, T: CustomerModelWith<C>, C: ?Sized> CustomerModelWith<C>
    for std::collections::BTreeMap<K, T>
{
    #[inline]
    fn __context_any(ctx: &C) -> Option<&dyn std::any::Any> {
        T::__context_any(ctx)
    }
    fn validate_into_with(&self, ctx: &C, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        for (key, value) in self {
            value.validate_into_with(ctx, &path.key(key.as_ref()), report);
        }
    }
}

/// Records the `too_deep` violation and returns `true` when `path` is past [`MAX_DEPTH`].
#[inline]
pub(crate) fn too_deep(path: &Path<'_>, report: &mut ValidationErrors) -> bool {
    if path.depth() > MAX_DEPTH {
        report.push(
            path,
            RuleError::new(
                crate::codes::TOO_DEEP,
                "is nested more than {max} levels deep",
            )
            .with_param("max", crate::Param::UInt(u64::from(MAX_DEPTH))),
        );
        true
    } else {
        false
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for &T {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for Box<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if !too_deep(path, report) {
            (**self).validate_into(path, report);
        }
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for std::rc::Rc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for std::sync::Arc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel> CustomerModel for Option<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into(path, report);
        }
    }
}

/// Its elements past the report's cap are counted, not built (see [`Items`]).
impl<T: CustomerModel> CustomerModel for [T] {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        let mut items = Items::new(report);
        for (index, item) in self.iter().enumerate() {
            items.item(report);
            item.validate_into(&path.index(index), report);
        }
    }
}

impl<T: CustomerModel, const N: usize> CustomerModel for [T; N] {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into(path, report);
    }
}

impl<T: CustomerModel> CustomerModel for Vec<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into(path, report);
    }
}

/// Its entries are reported by key (as a `BTreeMap`'s), not in hash order, which changes between
/// runs: the violations of two or more entries are put in key order once found.
impl<K: AsRef<str>, T: CustomerModel, S> CustomerModel for std::collections::HashMap<K, T, S> {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        let start = report.kept();
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), report);
        }
        if report.kept() - start > 1 {
            report.sort_tail_by_member(start, path);
        }
    }
}

impl<K: AsRef<str>, T: CustomerModel> CustomerModel for std::collections::BTreeMap<K, T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), report);
        }
    }
}

/// Every violation of `value`, whatever the cap in force: for the library's own checks of a
/// value it merges into a report of its own (which is capped as a whole, once).
pub(crate) fn validate_all<T: CustomerModel + ?Sized>(value: &T) -> Result<(), ValidationErrors> {
    let mut report = ValidationErrors::new();
    value.validate_into(&Path::ROOT, &mut report);
    report.into_result()
}
