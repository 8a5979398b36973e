//! The error model: [`Path`] while validating, [`RuleError`] from one rule, [`Violation`] placed
//! at a JSON Pointer, [`ValidationErrors`] for a whole report, and [`Error`] for whole documents.
//!
//! None of these types ever holds the rejected value: only where it is (the pointer), which rule
//! refused it (the code), why (the message) and the rule's limits (the params).

use std::borrow::Cow;
use std::fmt;

pub(crate) use crate::path::push_key;
pub use crate::path::{Path, MAX_DEPTH};

/// A rule's limit or setting, kept with a violation so that clients can show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// A count or size (`max`, `min`, `max_bytes`).
    UInt(u64),
    /// A signed bound.
    Int(i64),
    /// A floating-point bound.
    Float(f64),
    /// A text setting, e.g. the allowed values of `one_of` or a bound rendered as text.
    Str(Cow<'static, str>),
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::UInt(v) => write!(f, "{v}"),
            Param::Int(v) => write!(f, "{v}"),
            Param::Float(v) => write!(f, "{v}"),
            Param::Str(v) => f.write_str(v),
        }
    }
}

impl serde::Serialize for Param {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::UInt(v) => serializer.serialize_u64(*v),
            Param::Int(v) => serializer.serialize_i64(*v),
            Param::Float(v) => serializer.serialize_f64(*v),
            Param::Str(v) => serializer.serialize_str(v),
        }
    }
}

/// What one rule says about one value: a stable `code`, a `message` and the rule's params.
///
/// The message may name params as `{name}`; they are filled in when it is displayed, so a rule
/// that fails builds no string. Custom rules (`#[customer(custom = path)]`) return this type.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    code: Cow<'static, str>,
    message: Cow<'static, str>,
    params: Vec<(Cow<'static, str>, Param)>,
}

impl RuleError {
    /// A violation with a stable snake_case `code` and a message (which may name params as
    /// `{name}`). Never put the rejected value into the message.
    #[must_use]
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        RuleError {
            code: code.into(),
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// Adds a param (a limit of the rule, never the rejected value).
    ///
    /// While the violations of a report past its cap are only counted (see
    /// [`MaxViolations`](crate::json::MaxViolations)), nothing is added: the error will not be
    /// kept, and counting it allocates nothing.
    #[must_use]
    pub fn with_param(mut self, name: impl Into<Cow<'static, str>>, value: Param) -> Self {
        if !counting() {
            self.params.push((name.into(), value));
        }
        self
    }

    /// Replaces the code (what `#[customer(code = "...")]` does).
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// Replaces the message (what `#[customer(message = "...")]` does).
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = message.into();
        self
    }

    /// The stable code, e.g. `email` or `length`.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message with its `{param}` placeholders filled in.
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        render(&self.message, &self.params)
    }

    /// The message as given, with its `{param}` placeholders: the English template by which the
    /// catalogs (feature `i18n`) know a library message.
    #[must_use]
    pub fn template(&self) -> &str {
        &self.message
    }

    /// The params of the rule, in the order they were added.
    pub fn params(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.params.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for RuleError {}

fn render<'m>(template: &'m str, params: &[(Cow<'static, str>, Param)]) -> Cow<'m, str> {
    if params.is_empty() || !template.contains('{') {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.iter().find(|(k, _)| k == name) {
                    Some((_, value)) => {
                        use fmt::Write as _;
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// One violation: a [`RuleError`] placed at a JSON Pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pointer: String,
    error: RuleError,
}

impl Violation {
    /// A violation at `pointer` (an RFC 6901 JSON Pointer).
    #[must_use]
    pub fn new(pointer: impl Into<String>, error: RuleError) -> Self {
        Violation {
            pointer: pointer.into(),
            error,
        }
    }

    /// The RFC 6901 JSON Pointer of the offending value, in wire names.
    #[must_use]
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The stable snake_case code of the rule, e.g. `email`.
    #[must_use]
    pub fn code(&self) -> &str {
        self.error.code()
    }

    /// The human-readable message, with the rule's params filled in.
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        self.error.message()
    }

    /// The rule's params (limits and settings, never the rejected value).
    pub fn params(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.error.params()
    }

    /// The rule error without its location.
    #[must_use]
    pub fn rule_error(&self) -> &RuleError {
        &self.error
    }

    /// Puts `prefix` (a JSON Pointer) in front of this violation's pointer.
    pub fn prefix_pointer(&mut self, prefix: &str) {
        self.pointer.insert_str(0, prefix);
    }

    /// The pointer, to rewrite it (conversions report in the source's names).
    pub(crate) fn pointer_mut(&mut self) -> &mut String {
        &mut self.pointer
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.error.message())
    }
}

impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Violation", 3)?;
        s.serialize_field("pointer", &self.pointer)?;
        s.serialize_field("code", self.error.code())?;
        s.serialize_field("message", &self.error.message())?;
        s.end()
    }
}

/// Every violation found in one value, in the order the fields are declared.
///
/// `Display` writes one violation a line as `{pointer}: {message}`; `Serialize` writes a list of
/// objects with the keys `pointer`, `code` and `message`.
#[derive(Clone)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
    /// Violations found and counted but not built: only while a reading counts past the
    /// report's cap (see [`CountOnly`]); zero everywhere else.
    counted: usize,
    /// The cap of the report this one is part of ([`MaxViolations`](crate::json::MaxViolations);
    /// `usize::MAX` for none): once a container's items have this many violations, the rest of
    /// its items are counted, not built (see [`Items`]). Not part of the value: two reports with
    /// the same violations are equal whatever their caps.
    cap: usize,
}

impl Default for ValidationErrors {
    fn default() -> Self {
        ValidationErrors::new()
    }
}

impl PartialEq for ValidationErrors {
    fn eq(&self, other: &Self) -> bool {
        self.violations == other.violations && self.counted == other.counted
    }
}

impl fmt::Debug for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationErrors")
            .field("violations", &self.violations)
            .field("counted", &self.counted)
            .finish()
    }
}

thread_local! {
    /// Whether the violations found on this thread are counted instead of built (see
    /// [`CountOnly`]).
    static COUNTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// While alive, the violations pushed into any [`ValidationErrors`] on this thread are counted
/// (in its `len()`) and not built or kept: what the second read of a document does for the rest
/// of a container once the violations before them fill the report's cap. The state before is
/// back when it is dropped (also on a panic).
pub(crate) struct CountOnly(bool);

impl CountOnly {
    /// Counts from now on.
    #[cold]
    pub(crate) fn start() -> Self {
        CountOnly(COUNTING.with(|c| c.replace(true)))
    }

    /// Builds the violations again until the guard drops, where this guard started counting
    /// (`None` where counting was on before it: an outer walk counts everything below).
    pub(crate) fn pause(&self) -> Option<BuildAgain> {
        if self.0 {
            None
        } else {
            COUNTING.with(|c| c.set(false));
            Some(BuildAgain)
        }
    }
}

/// While alive, violations are built again inside a [`CountOnly`] (see [`CountOnly::pause`]).
pub(crate) struct BuildAgain;

impl Drop for BuildAgain {
    fn drop(&mut self) {
        COUNTING.with(|c| c.set(true));
    }
}

impl Drop for CountOnly {
    fn drop(&mut self) {
        COUNTING.with(|c| c.set(self.0));
    }
}

/// `true` while a [`CountOnly`] is alive on this thread.
#[inline]
pub(crate) fn counting() -> bool {
    COUNTING.with(std::cell::Cell::get)
}

/// The walk of a container's items (array elements) in the order of their indices, which is
/// their order in the document: once the items before have the report's cap of violations or
/// more, every violation of the items after comes after that many in document order, so it is
/// past the cap: it is counted and not built (nor is its rule error's params), until the walk
/// (this value) ends. The report only grows during the walk, so once past the cap the rest is
/// past it too. Below the cap it costs one comparison an item.
///
/// ```ignore
/// let mut items = Items::new(report);
/// for (index, item) in elements.enumerate() {
///     items.item(report);
///     // the item's rules, pushing into `report`
/// }
/// drop(items); // the end of the walk
/// ```
#[doc(hidden)]
pub struct Items {
    /// The report's length at which the rest is past the cap; `usize::MAX` once counting.
    limit: usize,
    /// Alive from the first item past the cap to the end of the walk.
    counting: Option<CountOnly>,
}

impl Items {
    /// Starts the walk of a container's items, which report into `report`.
    #[inline]
    #[must_use]
    pub fn new(report: &ValidationErrors) -> Self {
        Items {
            limit: report.len().saturating_add(report.cap),
            counting: None,
        }
    }

    /// Called before an item is walked: from the first item whose items before are at the cap,
    /// the violations are counted until the walk ends.
    #[inline]
    pub fn item(&mut self, report: &ValidationErrors) {
        if report.len() >= self.limit {
            self.past_the_cap();
        }
    }

    #[cold]
    #[inline(never)]
    fn past_the_cap(&mut self) {
        self.limit = usize::MAX;
        self.counting = Some(CountOnly::start());
    }
}

impl fmt::Debug for Items {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("limit", &self.limit)
            .field("counting", &self.counting.is_some())
            .finish()
    }
}

impl ValidationErrors {
    /// An empty report. Allocates nothing until the first violation.
    #[must_use]
    pub const fn new() -> Self {
        ValidationErrors {
            violations: Vec::new(),
            counted: 0,
            cap: usize::MAX,
        }
    }

    /// An empty report of a document capped at `cap`: the items of a container past the cap
    /// are counted, not built (see [`Items`]). It is not capped itself: whoever made it caps it
    /// once its violations are in order.
    pub(crate) const fn with_cap(cap: usize) -> Self {
        ValidationErrors {
            violations: Vec::new(),
            counted: 0,
            cap,
        }
    }

    /// Adds `n` violations counted and not built.
    pub(crate) fn add_counted(&mut self, n: usize) {
        self.counted += n;
    }

    /// Records `error` at `path`.
    #[cold]
    pub fn push(&mut self, path: &Path<'_>, error: RuleError) {
        if self.counted_instead(1) {
            return;
        }
        self.violations.push(Violation {
            pointer: path.to_pointer(),
            error,
        });
    }

    /// Records a violation built elsewhere.
    pub fn push_violation(&mut self, violation: Violation) {
        if self.counted_instead(1) {
            return;
        }
        self.violations.push(violation);
    }

    /// Moves every violation of `other` into `self`, keeping their order.
    pub fn append(&mut self, mut other: ValidationErrors) {
        if self.counted_instead(other.len()) {
            return;
        }
        self.violations.append(&mut other.violations);
        self.counted += other.counted;
    }

    /// Counts `n` violations instead of keeping them when counting is on (see [`CountOnly`]).
    #[inline]
    pub(crate) fn counted_instead(&mut self, n: usize) -> bool {
        if counting() {
            self.counted += n;
            true
        } else {
            false
        }
    }

    /// How many violations were counted and not kept; zero afterwards.
    pub(crate) fn take_counted(&mut self) -> usize {
        std::mem::take(&mut self.counted)
    }

    /// How many violations are kept (those of [`ValidationErrors::violations`]).
    pub(crate) fn kept(&self) -> usize {
        self.violations.len()
    }

    /// Moves every violation of `other` into `self`, re-rooted under `path`: a pointer `/phone`
    /// of `other` becomes `/contact/phone` when `path` is `/contact`.
    ///
    /// ```
    /// use customer_core::{Path, RuleError, ValidationErrors, Violation};
    ///
    /// let mut inner = ValidationErrors::default();
    /// inner.push_violation(Violation::new("/phone", RuleError::new("phone", "is not a phone number")));
    /// let mut report = ValidationErrors::new();
    /// report.append_under(&Path::ROOT.key("contact"), inner);
    /// assert_eq!(report.violations()[0].pointer(), "/contact/phone");
    /// ```
    #[cold]
    pub fn append_under(&mut self, path: &Path<'_>, mut other: ValidationErrors) {
        if self.counted_instead(other.len()) {
            return;
        }
        if path.depth() > 0 {
            other.prefix_pointers(&path.to_pointer());
        }
        self.append(other);
    }

    /// Keeps the first `len` violations.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.violations.truncate(len);
    }

    /// Sorts the violations from index `start` on by the member of `parent` they are under (its
    /// key, as the pointer spells it), keeping the order within each member: a `HashMap`'s
    /// entries in key order. Only on the failure path.
    #[cold]
    pub(crate) fn sort_tail_by_member(&mut self, start: usize, parent: &Path<'_>) {
        let prefix = parent.to_pointer().len() + 1;
        let member = |violation: &Violation| -> String {
            let tail = violation.pointer().get(prefix..).unwrap_or_default();
            tail.split('/').next().unwrap_or_default().to_owned()
        };
        if let Some(tail) = self.violations.get_mut(start..) {
            // `sort_by_key` is stable: each member keeps the order of its own violations.
            tail.sort_by_key(member);
        }
    }

    /// `true` when nothing was reported.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty() && self.counted == 0
    }

    /// How many violations were reported.
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len() + self.counted
    }

    /// The violations, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations, in the order they were found.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Puts `prefix` (a JSON Pointer such as `/data`) in front of every pointer.
    pub fn prefix_pointers(&mut self, prefix: &str) {
        for violation in &mut self.violations {
            violation.prefix_pointer(prefix);
        }
    }
}

impl From<Violation> for ValidationErrors {
    fn from(violation: Violation) -> Self {
        ValidationErrors {
            violations: vec![violation],
            counted: 0,
            cap: usize::MAX,
        }
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(violation, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl serde::Serialize for ValidationErrors {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.violations)
    }
}

/// The error of whole-document operations: reading JSON into a model
/// ([`Valid::from_json`](crate::Valid::from_json), [`Api::decode`](crate::providers::Api::decode))
/// and writing a customer for an API ([`Api::encode`](crate::providers::Api::encode)).
///
/// `Display` lists every violation, one a line, each starting with the JSON Pointer into the
/// given document. No variant holds or prints the rejected value.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input is not JSON (or not UTF-8); the pointer of its violation is `""`.
    Syntax(ValidationErrors),
    /// The JSON has the wrong shape or breaks the rules of the model.
    Invalid(ValidationErrors),
    /// The target API cannot hold a value of the customer.
    Unrepresentable(ValidationErrors),
}

impl Error {
    /// The violations, whichever the kind.
    #[must_use]
    pub fn violations(&self) -> &ValidationErrors {
        match self {
            Error::Syntax(v) | Error::Invalid(v) | Error::Unrepresentable(v) => v,
        }
    }

    /// The violations, owned.
    #[must_use]
    pub fn into_violations(self) -> ValidationErrors {
        match self {
            Error::Syntax(v) | Error::Invalid(v) | Error::Unrepresentable(v) => v,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.violations(), f)
    }
}

impl std::error::Error for Error {}

impl From<ValidationErrors> for Error {
    fn from(errors: ValidationErrors) -> Self {
        Error::Invalid(errors)
    }
}
