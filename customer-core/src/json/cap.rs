//! The cap on a document's report: at most [`MaxViolations`] violations, then one
//! `too_many_violations` entry with the count of all of them.

use std::cell::Cell;

use crate::error::{Error, Param, RuleError, ValidationErrors, Violation};

/// How many violations a document's report holds unless told otherwise: 100.
pub const DEFAULT_MAX_VIOLATIONS: usize = 100;

thread_local! {
    /// The cap in force on this thread (see [`MaxViolations::scope`]).
    static CAP: Cell<usize> = const { Cell::new(DEFAULT_MAX_VIOLATIONS) };
    /// What [`CustomerModel::validate`](crate::CustomerModel::validate) does with the cap on this
    /// thread (see [`Rules`]).
    static RULES: Cell<Rules> = const { Cell::new(Rules::ALL) };
}

/// How `validate()` (and `validate_with`) treat the cap on this thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rules {
    /// The cap of the report (`usize::MAX`: none): the items of a container past it are
    /// counted, not built.
    pub(crate) cap: usize,
    /// `true` inside a [`MaxViolations::scope`]: the report is capped when complete (the first
    /// `cap` violations in the order found, then `too_many_violations`). `false` while a
    /// reading validates (it caps the report itself once the violations are in document
    /// order) and outside any scope (every violation).
    pub(crate) finish: bool,
}

impl Rules {
    /// Every violation, none counted: outside any scope.
    const ALL: Rules = Rules {
        cap: usize::MAX,
        finish: false,
    };

    /// What `validate()` does on this thread now.
    #[inline]
    pub(crate) fn current() -> Rules {
        RULES.with(Cell::get)
    }

    /// Runs `walk` (the walk of a whole model) with this treatment, the one before back
    /// afterwards (also on a panic). Generic over `walk` only for the call: the thread-local
    /// work is in `Rules::enter` and `RestoreRules`, compiled once, not once per model.
    #[inline]
    pub(crate) fn during<R>(self, walk: impl FnOnce() -> R) -> R {
        let _restore = self.enter();
        walk()
    }

    /// Puts this treatment in force on this thread; the one before comes back when the guard
    /// drops.
    fn enter(self) -> RestoreRules {
        RestoreRules(RULES.with(|rules| rules.replace(self)))
    }
}

/// A future read with a cap in force while it is polled: see [`MaxViolations::scope_async`].
#[must_use = "a future does nothing unless it is awaited"]
pub struct Scoped<F> {
    cap: MaxViolations,
    /// Boxed, so that `Scoped` is `Unpin` whatever `F` is, without projecting the pin.
    future: std::pin::Pin<Box<F>>,
}

impl<F: std::future::Future> std::future::Future for Scoped<F> {
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let cap = self.cap;
        cap.scope(|| self.future.as_mut().poll(cx))
    }
}

impl<F> std::fmt::Debug for Scoped<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scoped")
            .field("cap", &self.cap)
            .finish_non_exhaustive()
    }
}

/// Puts back, when dropped, the treatment [`Rules::enter`] replaced.
pub(crate) struct RestoreRules(Rules);

impl Drop for RestoreRules {
    fn drop(&mut self) {
        RULES.with(|rules| rules.set(self.0));
    }
}

/// Puts back, when dropped, the cap [`MaxViolations::scope`] replaced.
struct RestoreCap(usize);

impl Drop for RestoreCap {
    fn drop(&mut self) {
        CAP.with(|cap| cap.set(self.0));
    }
}

/// Puts `cap` in force on this thread, the one before back when the guard drops.
fn enter_cap(cap: usize) -> RestoreCap {
    RestoreCap(CAP.with(|old| old.replace(cap)))
}

/// Runs `validate` (the rules of a document that read) counting the violations of a
/// container's items past the cap in force (see [`crate::error::Items`]), without capping the
/// report: the reading puts it in document order, then caps it.
#[inline]
pub(crate) fn reading<R>(validate: impl FnOnce() -> R) -> R {
    let _restore = reading_rules();
    validate()
}

/// What [`reading`] puts in force, until the guard drops: for a caller that runs the rules
/// without a closure (a closure is one more function per model).
pub(crate) fn reading_rules() -> RestoreRules {
    Rules {
        cap: CAP.with(Cell::get),
        finish: false,
    }
    .enter()
}

/// The report of a whole model's `validate` once its walk is done: capped when
/// [`Rules::finish`] says so.
#[cold]
#[inline(never)]
pub(crate) fn finish_rules(rules: Rules, errors: ValidationErrors) -> ValidationErrors {
    if rules.finish {
        MaxViolations(rules.cap).apply(errors)
    } else {
        errors
    }
}

/// The most violations the report of one document holds: past it, the report keeps the first
/// ones in document order and ends with one violation at pointer `""` with the code
/// `too_many_violations`, whose params are `count` (how many violations the document has) and
/// `max` (this cap).
///
/// Every reading of a document applies it: [`Valid::from_json`](crate::Valid::from_json) and its
/// siblings, [`Api::decode`](crate::providers::Api::decode), [`Api::check`](crate::providers::Api::check)
/// and the other `decode_*`, [`from_str`](super::from_str), [`from_slice`](super::from_slice),
/// [`from_value`](super::from_value), a `Valid<T>` read through serde
/// (`serde_json::from_str::<Valid<T>>`), and the axum extractor (where it is a request
/// extension, as its `BodyLimit` is). The default is [`DEFAULT_MAX_VIOLATIONS`]; another
/// cap is put in force for the readings made inside [`MaxViolations::scope`]:
///
/// ```
/// use customer_core::json::MaxViolations;
/// use customer_core::providers::Api;
///
/// // 150 unknown keys: 150 violations.
/// let members: Vec<String> = (0..150).map(|i| format!(r#""extra{i}": 1"#)).collect();
/// let json = format!(r#"{{"email": "jo@example.com", {}}}"#, members.join(","));
///
/// let report = Api::Paddle.decode(&json).unwrap_err();
/// assert_eq!(report.violations().len(), 101);
/// let last = report.violations().iter().last().unwrap();
/// assert_eq!((last.pointer(), last.code()), ("", "too_many_violations"));
///
/// let report = MaxViolations(10).scope(|| Api::Paddle.decode(&json)).unwrap_err();
/// assert_eq!(report.violations().len(), 11);
/// let report = MaxViolations::UNLIMITED.scope(|| Api::Paddle.decode(&json)).unwrap_err();
/// assert_eq!(report.violations().len(), 150);
/// // A cap of 0 lists none: the count alone.
/// let report = MaxViolations(0).scope(|| Api::Paddle.decode(&json)).unwrap_err();
/// assert_eq!(report.violations().len(), 1);
/// let only = report.violations().iter().next().unwrap();
/// assert_eq!(only.code(), "too_many_violations");
/// ```
///
/// A valid document, and one with at most the cap of violations, read as without it.
/// `MaxViolations(0)` lists no violation: a document that has any is refused with the
/// `too_many_violations` entry alone (the tool's `--max-violations 0` means
/// [`MaxViolations::UNLIMITED`] instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MaxViolations(pub usize);

impl Default for MaxViolations {
    fn default() -> Self {
        MaxViolations(DEFAULT_MAX_VIOLATIONS)
    }
}

impl MaxViolations {
    /// No cap: every violation is reported.
    pub const UNLIMITED: MaxViolations = MaxViolations(usize::MAX);

    /// The cap in force on this thread: [`DEFAULT_MAX_VIOLATIONS`] outside any
    /// [`MaxViolations::scope`].
    #[must_use]
    pub fn current() -> Self {
        MaxViolations(CAP.with(Cell::get))
    }

    /// Runs `read` with this cap in force for the documents it reads on this thread, and for
    /// the values it validates: inside a scope, [`CustomerModel::validate`](crate::CustomerModel::validate)
    /// (so [`Valid::new`](crate::Valid::new)) reports the first violations in the order found,
    /// then `too_many_violations` (outside, every violation). The cap before is back afterwards
    /// (also when `read` panics). Scopes nest.
    ///
    /// For a future, [`MaxViolations::scope_async`]: `scope(|| async { .. })` only makes the
    /// future inside the scope, and the future reads when it is polled, after the scope.
    ///
    /// Past the cap, the violations of a collection's elements are counted, not built: a
    /// report of a million broken elements costs about what one of a thousand does.
    ///
    /// ```
    /// use customer_core::json::MaxViolations;
    /// use customer_core::CustomerModel;
    ///
    /// #[derive(CustomerModel)]
    /// struct Tags {
    ///     #[customer(each(length(max = 3)))]
    ///     tags: Vec<String>,
    /// }
    ///
    /// let tags = Tags { tags: vec!["too long".to_owned(); 1000] };
    /// assert_eq!(tags.validate().unwrap_err().len(), 1000);
    /// let report = MaxViolations(10).scope(|| tags.validate()).unwrap_err();
    /// assert_eq!(report.violations().len(), 11);
    /// assert_eq!(report.violations()[9].pointer(), "/tags/9");
    /// assert_eq!(report.violations()[10].code(), "too_many_violations");
    /// ```
    pub fn scope<R>(self, read: impl FnOnce() -> R) -> R {
        let _restore = enter_cap(self.0);
        Rules {
            cap: self.0,
            finish: true,
        }
        .during(read)
    }

    /// As [`MaxViolations::scope`], for an `async` reading: the cap is in force on the thread
    /// that polls `future` while it is polled, whichever thread that is. `scope` would not do
    /// for a future: it puts the cap in force while the closure runs, which only *makes* the
    /// future; the readings happen when it is polled, after the scope ended, with the cap of
    /// the polling thread.
    ///
    /// ```
    /// use customer_core::json::MaxViolations;
    /// use customer_core::providers::Api;
    ///
    /// let members: Vec<String> = (0..150).map(|i| format!(r#""extra{i}": 1"#)).collect();
    /// let json = format!(r#"{{"email": "jo@example.com", {}}}"#, members.join(","));
    ///
    /// let read = MaxViolations(10).scope_async(async { Api::Paddle.decode(&json) });
    /// # let read = std::pin::pin!(read);
    /// # let waker = std::task::Waker::noop();
    /// # let std::task::Poll::Ready(report) =
    /// #     std::future::Future::poll(read, &mut std::task::Context::from_waker(waker))
    /// # else { unreachable!() };
    /// // `let report = read.await;` in an async function:
    /// assert_eq!(report.unwrap_err().violations().len(), 11);
    /// ```
    pub fn scope_async<F: std::future::Future>(self, future: F) -> Scoped<F> {
        Scoped {
            cap: self,
            future: Box::pin(future),
        }
    }

    /// Runs `validate` (the rules of a document that read) with this cap, counting past it as
    /// [`reading`] does.
    #[cfg(feature = "axum")]
    pub(crate) fn reading<R>(self, validate: impl FnOnce() -> R) -> R {
        Rules {
            cap: self.0,
            finish: false,
        }
        .during(validate)
    }

    /// `errors` with at most this many violations, then the `too_many_violations` one. A
    /// report already capped at this cap is returned as it is.
    #[must_use]
    pub fn apply(self, errors: ValidationErrors) -> ValidationErrors {
        let len = errors.len();
        if len == self.0.saturating_add(1) && is_cap(errors.violations().last()) {
            return errors;
        }
        self.apply_total(errors, len)
    }

    /// `errors`, the first violations of a document that has `total` of them, capped: the
    /// second read counts the violations past the cap without building them.
    pub(crate) fn apply_total(self, mut errors: ValidationErrors, len: usize) -> ValidationErrors {
        let max = self.0;
        if len <= max {
            return errors;
        }
        // The violations counted and not built are in `count`: the capped report holds its
        // entries only (`len()` is `max + 1`).
        errors.take_counted();
        errors.truncate(max);
        errors.push_violation(Violation::new(
            String::new(),
            RuleError::new(
                crate::codes::TOO_MANY_VIOLATIONS,
                "has {count} violations; the first {max} are reported",
            )
            .with_param("count", Param::UInt(len as u64))
            .with_param("max", Param::UInt(max as u64)),
        ));
        errors
    }
}

fn is_cap(violation: Option<&Violation>) -> bool {
    violation
        .is_some_and(|v| v.pointer().is_empty() && v.code() == crate::codes::TOO_MANY_VIOLATIONS)
}

/// `error` capped at the cap in force on this thread (a document's report: [`Error::Invalid`]
/// and [`Error::Unrepresentable`]).
#[cold]
#[inline(never)]
pub(crate) fn cap(error: Error) -> Error {
    let max = MaxViolations::current();
    match error {
        Error::Invalid(errors) => Error::Invalid(max.apply(errors)),
        Error::Unrepresentable(errors) => Error::Unrepresentable(max.apply(errors)),
        other => other,
    }
}

/// The rule violations of a document that read, capped at the cap in force on this thread.
#[cold]
#[inline(never)]
pub(crate) fn cap_invalid(errors: ValidationErrors) -> Error {
    Error::Invalid(MaxViolations::current().apply(errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Path;

    fn report(n: usize) -> ValidationErrors {
        let mut errors = ValidationErrors::new();
        for i in 0..n {
            errors.push(
                &Path::ROOT.index(i),
                RuleError::new(crate::codes::INVALID_TYPE, "must be a string"),
            );
        }
        errors
    }

    #[test]
    fn under_the_cap_nothing_changes() {
        assert_eq!(MaxViolations(3).apply(report(3)), report(3));
        assert_eq!(MaxViolations(3).apply(report(0)), report(0));
    }

    #[test]
    fn over_the_cap_the_first_then_the_count() {
        let capped = MaxViolations(3).apply(report(7));
        let v = capped.violations();
        assert_eq!(v.len(), 4);
        assert_eq!(
            v[..3].iter().map(Violation::pointer).collect::<Vec<_>>(),
            ["/0", "/1", "/2"]
        );
        assert_eq!((v[3].pointer(), v[3].code()), ("", "too_many_violations"));
        let params: Vec<_> = v[3]
            .params()
            .map(|(k, p)| (k.to_owned(), p.clone()))
            .collect();
        assert_eq!(
            params,
            [
                ("count".to_owned(), Param::UInt(7)),
                ("max".to_owned(), Param::UInt(3))
            ]
        );
        assert_eq!(v[3].message(), "has 7 violations; the first 3 are reported");
        // Capping again changes nothing.
        assert_eq!(MaxViolations(3).apply(capped.clone()), capped);
        let none = MaxViolations(0).apply(report(2));
        assert_eq!(none.len(), 1);
        assert_eq!(none.violations()[0].code(), "too_many_violations");
    }

    #[test]
    fn scopes_nest_and_restore() {
        assert_eq!(MaxViolations::current(), MaxViolations::default());
        MaxViolations(5).scope(|| {
            assert_eq!(MaxViolations::current(), MaxViolations(5));
            MaxViolations::UNLIMITED.scope(|| {
                assert_eq!(MaxViolations::current(), MaxViolations::UNLIMITED);
            });
            assert_eq!(MaxViolations::current(), MaxViolations(5));
        });
        let caught = std::panic::catch_unwind(|| MaxViolations(1).scope(|| panic!("inside")));
        assert!(caught.is_err());
        assert_eq!(MaxViolations::current(), MaxViolations::default());
    }
}
