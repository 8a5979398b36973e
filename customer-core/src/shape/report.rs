//! The [`Report`] the second read fills, and the helpers the walk reports with: the shape
//! violations (`invalid_type`, `missing_field`, `unknown_field`, `duplicate_field`), the claiming
//! of an object's members, the depth limit and the rules of a container read whole.

use std::borrow::Cow;
use std::cell::Cell;

use super::Node;
use crate::error::{Param, Path, RuleError, ValidationErrors};

/// Where the second read puts what it finds: shape errors and rule violations apart, so that a
/// walk that only looks for rule violations can drop the shape errors it meets again.
///
/// It also carries the caller's validation context, type-erased (see [`crate::reread`]), for
/// the rules of models with `#[customer(context(C))]`.
#[doc(hidden)]
#[derive(Debug)]
pub struct Report<'c> {
    /// Wrong types, missing and unknown fields, values a parsed type refuses.
    pub shapes: ValidationErrors,
    /// Rule violations of the parts that read.
    pub rules: ValidationErrors,
    /// The caller's context, when it has one that can be erased.
    context: Option<&'c dyn std::any::Any>,
    /// The cap of the document's report ([`MaxViolations`](crate::json::MaxViolations)): past
    /// it, the rest of a container's violations are counted, not built (see [`Report::items`]).
    cap: usize,
    /// Inside the value of a `nested` field walked once for its shapes and its rules (see
    /// [`super::member`]): the rules phase of a model walked there is quiet.
    nested: bool,
    /// In the rules phase of a model walked inside a `nested` field: what that phase finds
    /// about shapes (a value read for its rules, the model read whole) is not kept, as the walk
    /// without rules would not have found it; values are read without messages.
    quiet: bool,
    /// The pointers of the shape errors that a value read through serde reported (a model read
    /// whole, a field read for its rules): where serde's own path may have stopped short (see
    /// [`super::locate`]).
    pub(crate) read_failures: Vec<String>,
    /// The pointers of the shape errors past the cap that were counted, not built, at a value
    /// that may be an integer literal beyond 64 bits (see [`Report::counted_shape`]).
    pub(crate) counted_at_numbers: Vec<String>,
    /// In a walk looking below those pointers for what serde refused (see [`super::locate`]):
    /// where to look, and how much may still be read.
    locate: Option<&'c super::locate::Locate>,
    /// How much the reads and walks made for rules may still take (see [`Budget`]); none: no
    /// limit.
    budget: Option<&'c Budget>,
}

impl Default for Report<'_> {
    /// An empty report without a context or a cap.
    fn default() -> Self {
        Report {
            shapes: ValidationErrors::new(),
            rules: ValidationErrors::new(),
            context: None,
            cap: usize::MAX,
            nested: false,
            quiet: false,
            read_failures: Vec::new(),
            counted_at_numbers: Vec::new(),
            locate: None,
            budget: None,
        }
    }
}

impl<'c> Report<'c> {
    /// An empty report.
    #[must_use]
    pub fn new() -> Self {
        Report::default()
    }

    /// An empty report with the caller's context (`None`: the rules that read one do not run),
    /// and the cap in force on this thread.
    #[must_use]
    pub fn with_context(context: Option<&'c dyn std::any::Any>) -> Self {
        Report::capped(context, crate::json::MaxViolations::current().0)
    }

    /// An empty report for a walk made again, with the same context, cap and budget.
    #[must_use]
    pub fn again(&self) -> Report<'c> {
        Report {
            budget: self.budget,
            ..Report::capped(self.context, self.cap)
        }
    }

    /// An empty report for the walk of `node` made again for its rules ([`Report::again`]),
    /// when the budget affords it (`node`'s values taken from it); `None` otherwise (and the
    /// walk noted as not made, see [`Budget`]).
    #[must_use]
    pub fn again_at(&self, node: &Node) -> Option<Report<'c>> {
        self.afford(node).then(|| self.again())
    }

    /// As [`Report::again_at`], for the walk made again of the members of `members` not marked
    /// in `before` (a flattened model, an internally tagged enum's newtype variant).
    #[must_use]
    pub fn again_over(&self, members: &[(String, Node)], before: &[bool]) -> Option<Report<'c>> {
        let affords = members
            .iter()
            .zip(before)
            .filter(|(_, taken)| !**taken)
            .all(|((_, value), _)| self.spend(value));
        if !affords {
            self.note_unrun();
        }
        affords.then(|| self.again())
    }

    /// Whether the budget affords reading or walking `node` again for rules: its values taken
    /// from the budget (a scalar costs nothing); `false` once spent (the read or walk not made
    /// is counted, see [`Budget`]). Always `true` without a budget.
    #[inline]
    pub(crate) fn afford(&self, node: &Node) -> bool {
        if self.spend(node) {
            true
        } else {
            self.note_unrun();
            false
        }
    }

    /// Whether the budget is spent: a read or walk for rules of anything but a scalar would be
    /// refused. Asked before building the value such a read takes (a model's claimed members
    /// copied into an object), so that nothing is copied past the budget; the read not made is
    /// counted.
    pub(crate) fn spent(&self) -> bool {
        let spent = self.budget.is_some_and(|budget| budget.left.get() == 0);
        if spent {
            self.note_unrun();
        }
        spent
    }

    /// Takes `node`'s values from the budget, if any: `false` when they are not there.
    fn spend(&self, node: &Node) -> bool {
        match self.budget {
            Some(budget) if matches!(node, Node::Array(_) | Node::Object(_)) => budget.spend(node),
            _ => true,
        }
    }

    /// Counts a read or walk for rules the budget did not afford.
    #[cold]
    fn note_unrun(&self) {
        if let Some(budget) = self.budget {
            budget.unrun.set(budget.unrun.get().saturating_add(1));
        }
    }

    /// An empty report for an attempt at part of the same walk (an enum's variant tried on its
    /// own): the same context and cap, and, inside the value of a `nested` field walked once
    /// (see [`Report::nested`]), marked so too, with the same quiet rules phase: the attempt's
    /// rules phases are then quiet as the walk's are, and what it finds is the walk's own.
    #[must_use]
    pub fn attempt(&self) -> Report<'c> {
        Report {
            nested: self.nested,
            quiet: self.quiet,
            locate: self.locate,
            budget: self.budget,
            ..Report::capped(self.context, self.cap)
        }
    }

    /// An empty report for the walk of [`super::locate`], with `context`, the cap in force and
    /// what `locate` looks for.
    pub(crate) fn locating_in(
        context: Option<&'c dyn std::any::Any>,
        locate: &'c super::locate::Locate,
    ) -> Self {
        Report {
            locate: Some(locate),
            ..Report::with_context(context)
        }
    }

    /// Whether this walk looks for what serde refused at or below `path` (see
    /// [`super::locate`]): an enum there reads its variant's fields alone.
    pub(crate) fn locating(&self, path: &Path<'_>) -> bool {
        self.locate
            .is_some_and(|locate| locate.covers(&path.to_pointer()))
    }

    /// An empty report with `context` and the cap in force, its reads and walks made again for
    /// rules taken from `budget`.
    pub(crate) fn budgeted(context: Option<&'c dyn std::any::Any>, budget: &'c Budget) -> Self {
        Report {
            budget: Some(budget),
            ..Report::with_context(context)
        }
    }

    /// Reads `node` alone by `read` at `path`, in a walk of [`super::locate`], while the
    /// search's budget lasts (past it, `true`: nothing read, nothing found).
    pub(crate) fn read_alone(
        &mut self,
        read: super::WholeFn,
        node: &Node,
        path: &Path<'_>,
    ) -> bool {
        match self.locate {
            Some(locate) if locate.spend(node) => read(node, path, self),
            _ => true,
        }
    }

    /// Notes the pointers of `errors`, refused by a value read through serde (see
    /// [`Report::read_failures`]); not in a quiet rules phase, whose shape errors are dropped.
    pub(crate) fn note_read_failures(&mut self, errors: &ValidationErrors) {
        if !self.quiet {
            self.read_failures.extend(
                errors
                    .iter()
                    .map(|violation| violation.pointer().to_owned()),
            );
        }
    }

    /// An empty report with `context` and `cap`; the rule violations of a collection's
    /// elements past the cap are counted (see [`crate::error::Items`]).
    fn capped(context: Option<&'c dyn std::any::Any>, cap: usize) -> Self {
        Report {
            rules: ValidationErrors::with_cap(cap),
            context,
            cap,
            ..Report::default()
        }
    }

    /// Whether the rules phase of the model being walked is quiet (see [`Report::rules_phase`]):
    /// values read there report nothing.
    pub(crate) fn quiet(&self) -> bool {
        self.quiet
    }

    /// Walks the value of a `nested` field once for its shapes and its rules: `walk` runs with
    /// this report marked as inside such a value (the rules phases of the models below are then
    /// quiet, see [`Report::rules_phase`]).
    pub(crate) fn nested<R>(&mut self, walk: impl FnOnce(&mut Self) -> R) -> R {
        let was = std::mem::replace(&mut self.nested, true);
        let out = walk(self);
        self.nested = was;
        out
    }

    /// Enters the rules phase of a model's walk (after its fields' shapes). Inside the value of
    /// a `nested` field walked once (see [`super::member`]) the phase is quiet: the shape
    /// errors it finds are put aside and dropped by [`Report::end_rules_phase`] (that walk stands
    /// for a walk without rules, which would not have found them), and values read there report
    /// nothing. Returns what `end_rules_phase` needs.
    pub fn rules_phase(&mut self) -> RulesPhase {
        if self.nested {
            RulesPhase(Some((
                std::mem::take(&mut self.shapes),
                std::mem::replace(&mut self.quiet, true),
            )))
        } else {
            RulesPhase(None)
        }
    }

    /// Whether the rules phase entered with `phase` reads the model whole when its fields have
    /// their shapes: outside a `nested` field's value always (what serde refuses beyond the
    /// shapes is reported there); inside, only for the container's checks (`checks`), which
    /// need the typed value.
    #[must_use]
    pub fn reads_whole(phase: &RulesPhase, checks: bool) -> bool {
        checks || phase.0.is_none()
    }

    /// Leaves the rules phase entered with `phase`: the model's verdict. Outside a `nested`
    /// field's value, the fields' verdict `ok` and whether the model read whole (`whole`);
    /// inside, `ok` alone, the phase's shape errors dropped.
    pub fn end_rules_phase(&mut self, phase: RulesPhase, ok: bool, whole: bool) -> bool {
        match phase.0 {
            Some((shapes, quiet)) => {
                self.shapes = shapes;
                self.quiet = quiet;
                ok
            }
            None => ok && whole,
        }
    }

    /// The cap this report was made with (`usize::MAX` for none).
    pub(crate) fn cap(&self) -> usize {
        self.cap
    }

    /// How many violations were found so far, shape errors and rule violations, counted ones
    /// too.
    fn found(&self) -> usize {
        self.shapes.len() + self.rules.len()
    }

    /// The walk of a container's items (array elements, object members), in document order:
    /// `walk` is called for each. Once the items before have `cap` violations or more, the
    /// rest are walked counting their violations without building them: each of those comes
    /// after `cap` violations in document order (everything of an item precedes everything of
    /// the next), so it is past the cap, and only its count is reported. Below the cap nothing
    /// changes.
    pub(crate) fn items<I>(&mut self, items: I, mut walk: impl FnMut(&mut Self, I::Item))
    where
        I: IntoIterator,
    {
        let start = self.found();
        let mut counting = None;
        for item in items {
            if counting.is_none() && self.found() - start >= self.cap {
                counting = Some(crate::error::CountOnly::start());
            }
            walk(self, item);
        }
    }

    /// The caller's context when it is a `C`.
    #[must_use]
    pub fn context<C: std::any::Any>(&self) -> Option<&'c C> {
        self.context.and_then(<dyn std::any::Any>::downcast_ref)
    }

    /// How many shape errors were found so far.
    #[must_use]
    pub fn shape_count(&self) -> usize {
        self.shapes.len()
    }

    /// Keeps the rule violations of a walk made again for them, dropping its shape errors
    /// (already reported by the first walk).
    pub fn keep_rules(&mut self, again: Report<'_>) {
        self.rules.append(again.rules);
    }

    /// Keeps everything a walk made apart found: its shape errors and its rule violations (an
    /// enum's variant tried on its own, and chosen).
    pub fn keep_all(&mut self, apart: Report<'_>) {
        self.shapes.append(apart.shapes);
        self.rules.append(apart.rules);
        self.read_failures.extend(apart.read_failures);
        self.counted_at_numbers.extend(apart.counted_at_numbers);
    }

    /// Past the cap, counts a shape error at `node` instead of building it (`true`: the caller
    /// builds nothing). Where `node` is a number that may be an integer literal beyond 64 bits,
    /// the error's pointer is kept all the same: the document's check for such literals
    /// (`shape::big_integers`) reports one only where the walk reported nothing, and must not
    /// count again a literal the walk counted (the count past the cap would be one too many).
    #[inline]
    pub(crate) fn counted_shape(&mut self, path: &Path<'_>, node: &Node) -> bool {
        if !self.shapes.counted_instead(1) {
            return false;
        }
        // (A literal beyond 64 bits is always held as an `f64`: an integer that is not is no
        // such literal, and costs one comparison.)
        if let Node::Number(number) = node {
            if number.is_f64() {
                self.counted_at_float(path, number);
            }
        }
        true
    }

    #[cold]
    #[inline(never)]
    fn counted_at_float(&mut self, path: &Path<'_>, number: &serde_json::Number) {
        if !self.quiet
            && number
                .as_f64()
                .is_some_and(crate::json::exact::may_be_beyond_64_bits)
        {
            self.counted_at_numbers.push(path.to_pointer());
        }
    }

    /// Past the cap, [`Report::counted_shape`] for errors built elsewhere (a value read through
    /// serde: `errors` are already built, at their pointers), before they are appended: their
    /// pointers are kept for the same check, as when they are within the cap.
    pub(crate) fn note_counted(&mut self, errors: &ValidationErrors) {
        if crate::error::counting() && !self.quiet {
            self.counted_at_numbers.extend(
                errors
                    .iter()
                    .filter(|violation| violation.code() != crate::codes::DUPLICATE_FIELD)
                    .map(|violation| violation.pointer().to_owned()),
            );
        }
    }
}

/// How much one second read may read and walk again for rules: four times the document's
/// values.
///
/// Some parts of a document are read or walked once more for each model above them that needs
/// them: a model with checks reads its value whole for them (inside a walk of nested models,
/// at each level), a `nested` field with another rule reads its value for that rule and walks
/// its model again with rules. In a chain of models each of those levels holds the levels below
/// it, so that without a bound a document of `n` levels costs O(n^2). Each such read and walk
/// takes the values of what it reads from the budget first (a scalar costs nothing); past the
/// budget it is not made (that check or rule is not run), and nothing more is read or walked
/// again. The report then says how many were not made (`unchecked`, see
/// [`crate::codes::UNCHECKED`]). Ordinary documents stay far within it: each of their values is
/// read a few times at most.
#[derive(Debug)]
pub(crate) struct Budget {
    /// The values that may still be read or walked again.
    left: Cell<usize>,
    /// How many reads and walks the budget did not afford.
    unrun: Cell<usize>,
}

impl Budget {
    /// The budget of the second read of `node`: four times its values.
    pub(crate) fn of(node: &Node) -> Self {
        Budget {
            left: Cell::new(super::locate::size_within(node, usize::MAX).saturating_mul(4)),
            unrun: Cell::new(0),
        }
    }

    /// Takes the values of `node` from the budget: `false` (and the budget spent) when there
    /// are not that many left. Counts at most what is left.
    fn spend(&self, node: &Node) -> bool {
        let left = self.left.get();
        let size = super::locate::size_within(node, left);
        if size > left {
            self.left.set(0);
            return false;
        }
        self.left.set(left - size);
        true
    }

    /// How many reads and walks for rules the budget did not afford.
    pub(crate) fn unrun(&self) -> usize {
        self.unrun.get()
    }
}

/// What [`Report::rules_phase`] put aside: in a quiet phase, the shape errors found before it and
/// whether the report was quiet.
#[doc(hidden)]
#[derive(Debug)]
#[must_use]
pub struct RulesPhase(Option<(ValidationErrors, bool)>);

/// Validates a model the second read has read whole, its violations under `path`: for a
/// container read through another type (serde's `from`, `try_from`, `remote`), whose fields
/// cannot be walked one by one.
///
/// Out of line and through [`CustomerModel::validate`](crate::CustomerModel::validate): the valid
/// path's inlining of the generated `validate_into` is disturbed as little as can be.
#[doc(hidden)]
#[cold]
#[inline(never)]
pub fn validate_read<T: crate::CustomerModel>(value: &T, path: &Path<'_>, report: &mut Report) {
    // Under the report's cap, a collection's elements past it counted (not capped here: the
    // second read caps the whole report once it is in document order).
    let mut errors = ValidationErrors::with_cap(report.cap);
    value.validate_into(&Path::ROOT, &mut errors);
    if !errors.is_empty() {
        report.rules.append_under(path, errors);
    }
}

/// `true` (and a `too_deep` shape error) when `path` is nested past the limit.
#[doc(hidden)]
#[inline]
pub fn too_deep(path: &Path<'_>, report: &mut Report) -> bool {
    crate::model::too_deep(path, &mut report.shapes)
}

/// A copy of the claim marks.
#[doc(hidden)]
#[must_use]
pub fn snapshot(claimed: &[bool]) -> Vec<bool> {
    claimed.to_vec()
}

/// What a JSON value must be.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// Any number.
    Number,
    /// An array.
    Array,
    /// An object.
    Object,
    /// `null`.
    Null,
}

impl Expected {
    fn name(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Boolean => "boolean",
            Expected::Number => "number",
            Expected::Array => "array",
            Expected::Object => "object",
            Expected::Null => "null",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Expected::String => "must be a string",
            Expected::Boolean => "must be true or false",
            Expected::Number => "must be a number",
            Expected::Array => "must be an array",
            Expected::Object => "must be an object",
            Expected::Null => "must be null",
        }
    }
}

/// The JSON type of `node`, as a param.
pub(super) fn found(node: &Node) -> &'static str {
    match node {
        Node::Null => "null",
        Node::Bool(_) => "boolean",
        Node::Number(_) => "number",
        Node::String(_) => "string",
        Node::Array(_) => "array",
        Node::Object(_) => "object",
    }
}

/// The `invalid_type` violation: `node` is not what `expected` says.
#[doc(hidden)]
#[cold]
pub fn invalid_type(report: &mut Report, path: &Path<'_>, node: &Node, expected: Expected) {
    if report.counted_shape(path, node) {
        return;
    }
    report.shapes.push(
        path,
        RuleError::new(crate::codes::INVALID_TYPE, expected.message())
            .with_param("expected", Param::Str(Cow::Borrowed(expected.name())))
            .with_param("found", Param::Str(Cow::Borrowed(found(node)))),
    );
}

/// The `missing_field` violation at the pointer of the missing member.
#[doc(hidden)]
#[cold]
pub fn missing_field(report: &mut Report, path: &Path<'_>) {
    if report.shapes.counted_instead(1) {
        return;
    }
    report.shapes.push(
        path,
        RuleError::new(crate::codes::MISSING_FIELD, "is required"),
    );
}

/// The `unknown_field` violation at the pointer of the member, whose value is `node`.
#[doc(hidden)]
#[cold]
pub fn unknown_field(report: &mut Report, path: &Path<'_>, node: &Node) {
    if report.counted_shape(path, node) {
        return;
    }
    report.shapes.push(
        path,
        RuleError::new(crate::codes::UNKNOWN_FIELD, "is not a field of this object"),
    );
}

/// The `duplicate_field` violation at the pointer of the second member.
#[doc(hidden)]
#[cold]
pub fn duplicate_field(report: &mut Report, path: &Path<'_>) {
    if report.shapes.counted_instead(1) {
        return;
    }
    report.shapes.push(
        path,
        RuleError::new(crate::codes::DUPLICATE_FIELD, "appears more than once"),
    );
}

/// The member of `members` named `names[0]` or one of its aliases that no one has claimed;
/// claims every member with one of these names and reports the repeated ones.
#[doc(hidden)]
pub fn find<'m>(
    members: &'m [(String, Node)],
    claimed: &mut [bool],
    names: &[&str],
    path: &Path<'_>,
    report: &mut Report,
) -> Option<(&'m str, &'m Node, bool)> {
    let mut first: Option<(&'m str, &'m Node)> = None;
    let mut ok = true;
    for (index, (key, node)) in members.iter().enumerate() {
        if claimed[index] || !names.contains(&key.as_str()) {
            continue;
        }
        claimed[index] = true;
        if first.is_none() {
            first = Some((key, node));
        } else {
            duplicate_field(report, &path.key(key));
            ok = false;
        }
    }
    first.map(|(key, node)| (key, node, ok))
}

/// Reports every member no one claimed as `unknown_field`; `true` when there is none.
#[doc(hidden)]
pub fn unknown_members(
    members: &[(String, Node)],
    claimed: &[bool],
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    // As `Report::items`, but for a repeated key: its member's pointer is the first one's, so
    // its violation sorts beside the first one in document order. Once past the cap, a repeat of
    // a key met before the cap is built all the same (it is within the cap in document order);
    // a repeat of a key first met past the cap is counted, as that key is.
    let start = report.found();
    let mut ok = true;
    let mut counting: Option<(crate::error::CountOnly, KeysBefore<'_>)> = None;
    for (index, ((key, node), taken)) in members.iter().zip(claimed).enumerate() {
        if counting.is_none() && report.found() - start >= report.cap {
            let before = members[..index]
                .iter()
                .zip(claimed)
                .filter(|(_, taken)| !**taken)
                .map(|((key, _), _)| key.as_str());
            counting = Some((crate::error::CountOnly::start(), KeysBefore::new(before)));
        }
        if *taken {
            continue;
        }
        ok = false;
        let _build = match &counting {
            Some((count_only, before)) if before.contains(key) => count_only.pause(),
            _ => None,
        };
        unknown_field(report, &path.key(key), node);
    }
    ok
}

/// The keys of the unknown members before the cap (see [`unknown_members`]). Most keys past
/// the cap are told apart from them by their length and first and last bytes, without
/// hashing them: a body of thousands of unknown keys pays a hash only for the keys that look
/// like one before the cap (still linear when every key does).
struct KeysBefore<'m> {
    /// One bit per (length, first byte, last byte) class of the keys in `keys`.
    classes: [u64; 64],
    keys: std::collections::HashSet<&'m str>,
}

impl<'m> KeysBefore<'m> {
    fn new(keys: impl Iterator<Item = &'m str>) -> Self {
        let mut before = KeysBefore {
            classes: [0; 64],
            keys: std::collections::HashSet::new(),
        };
        for key in keys {
            let class = Self::class(key);
            before.classes[class / 64] |= 1 << (class % 64);
            before.keys.insert(key);
        }
        before
    }

    /// The class of `key`: a bit of `classes`.
    fn class(key: &str) -> usize {
        let bytes = key.as_bytes();
        let (first, last) = (
            bytes.first().copied().unwrap_or(0),
            bytes.last().copied().unwrap_or(0),
        );
        (bytes.len() * 31 + usize::from(first) * 7 + usize::from(last)) % 4096
    }

    fn contains(&self, key: &str) -> bool {
        let class = Self::class(key);
        self.classes[class / 64] & (1 << (class % 64)) != 0 && self.keys.contains(key)
    }
}

/// `false` marks for the members of an object.
#[doc(hidden)]
#[must_use]
pub fn claims(members: &[(String, Node)]) -> Vec<bool> {
    vec![false; members.len()]
}

/// The object made of the members claimed in `now` but not in `before`.
#[doc(hidden)]
#[must_use]
pub fn object_of(members: &[(String, Node)], before: &[bool], now: &[bool]) -> Node {
    Node::Object(
        members
            .iter()
            .zip(before.iter().zip(now))
            .filter(|(_, (was, is))| !**was && **is)
            .map(|(member, _)| member.clone())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The budget: four times the document's values; a scalar free; a container refused past
    /// it, and everything after it (counted); the reports made again share it.
    #[test]
    fn the_budget_of_reads_and_walks_for_rules() {
        let node: Node = serde_json::from_str(r#"{"a": [1, 2], "b": {"c": null}}"#).unwrap();
        // 6 values (the object, the array and its two numbers, the inner object and its null): a
        // budget of 24.
        let budget = Budget::of(&node);
        assert_eq!(budget.left.get(), 24);
        let report = Report::budgeted(None, &budget);
        assert!(report.afford(&node) && report.afford(&node) && report.afford(&node));
        assert_eq!(budget.left.get(), 6);
        assert!(report.afford(&Node::Null) && report.afford(&Node::Bool(true)));
        assert_eq!(budget.left.get(), 6);
        assert!(!report.spent());
        let again = report.again();
        let Node::Object(members) = &node else {
            unreachable!()
        };
        // The members of "a" (3 values) and "b" (2), "a" claimed before: 2 taken.
        assert!(again.again_over(members, &[true, false]).is_some());
        assert_eq!(budget.left.get(), 4);
        assert!(again.attempt().again_at(&node).is_none());
        assert_eq!((budget.left.get(), budget.unrun()), (0, 1));
        // Spent: any container refused, each counted; a scalar still read.
        assert!(report.again_at(&members[1].1).is_none());
        assert!(report.spent());
        assert!(report.afford(&Node::Null));
        assert_eq!(budget.unrun(), 3);
        // Without a budget: no limit, nothing counted.
        let free = Report::new();
        assert!(free.again_at(&node).is_some() && !free.spent());
    }
}
