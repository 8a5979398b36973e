//! [`At`]: where a field's rules report, as the derive's rules functions (`__customer_rules_N`)
//! get it: the container's pointer, the field's [`Place`] below it and the report, in one value,
//! so that a rule is one call (`at.fail(check(value))`) and the field's `Path` is built only when
//! a rule fails.

use crate::error::{Path, RuleError, ValidationErrors};

/// Where a field is below its container's pointer: a member's key (`&str`), an element's index
/// (`usize`), or the container's own place (`()`: the field of a newtype variant). Typed, so
/// that reporting at a place branches on nothing at run time.
pub trait Place: Copy {
    /// The field's pointer below `path`.
    fn below<'p>(self, path: &'p Path<'p>) -> Path<'p>
    where
        Self: 'p;

    /// Records `error` at the field's pointer below `path` (a rule's failure: out of line).
    #[cold]
    #[inline(never)]
    fn push(self, path: &Path<'_>, report: &mut ValidationErrors, error: RuleError) {
        report.push(&self.below(path), error);
    }

    /// Records `error` at the element `index` of the field below `path` (an `each` rule's).
    #[cold]
    #[inline(never)]
    fn push_index(
        self,
        path: &Path<'_>,
        index: usize,
        report: &mut ValidationErrors,
        error: RuleError,
    ) {
        report.push(&self.below(path).index(index), error);
    }
}

impl Place for &str {
    #[inline]
    fn below<'p>(self, path: &'p Path<'p>) -> Path<'p>
    where
        Self: 'p,
    {
        path.key(self)
    }
}

impl Place for usize {
    #[inline]
    fn below<'p>(self, path: &'p Path<'p>) -> Path<'p>
    where
        Self: 'p,
    {
        path.index(self)
    }
}

impl Place for () {
    #[inline]
    fn below<'p>(self, path: &'p Path<'p>) -> Path<'p>
    where
        Self: 'p,
    {
        *path
    }
}

/// Where a field's rules report: its container's pointer (`.0`), the field's [`Place`] below it
/// (`.1`) and the report (`.2`). What a `__customer_rules_N` function gets beside the field's
/// value, built where it is called: `__customer_rules_0(&self.name, At(path, "name", report))`
/// in `validate_into`, with the key the document used in the second read. Each rule is one
/// [`At::fail`]: inlined always, the valid path is the `Ok` test of the check's result and
/// nothing else; a failure is recorded out of line, its `Path` built then.
pub struct At<'a, K>(pub &'a Path<'a>, pub K, pub &'a mut ValidationErrors);

impl<K: Place> At<'_, K> {
    /// Records the error of a rule's check, if it failed, at the field's place.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn fail(&mut self, result: Result<(), RuleError>) {
        if let Err(error) = result {
            self.1.push(self.0, self.2, error);
        }
    }

    /// Records the error of a rule's check on the element `index` of the field (`each`), if it
    /// failed, at that element's place.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn fail_at(&mut self, index: usize, result: Result<(), RuleError>) {
        if let Err(error) = result {
            self.1.push_index(self.0, index, self.2, error);
        }
    }

    /// The report (for the walk of a field's elements: see [`crate::error::Items`]).
    #[inline]
    pub fn report(&mut self) -> &mut ValidationErrors {
        self.2
    }
}

impl<'a> At<'a, ()> {
    /// The place of the member `key` of the container this place is (a struct's field, in its
    /// `validate_into`), reporting into the same report.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn key<'b>(&'b mut self, key: &'b str) -> At<'b, &'b str> {
        At(self.0, key, self.2)
    }

    /// The place of the element `index` of the container this place is (a tuple struct's
    /// field), reporting into the same report.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn index(&mut self, index: usize) -> At<'_, usize> {
        At(self.0, index, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken() -> Result<(), RuleError> {
        Err(RuleError::new("length", "is too long"))
    }

    /// The pointers and codes of `report`.
    fn pointers(report: &ValidationErrors) -> Vec<(String, String)> {
        report
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect()
    }

    #[test]
    fn a_failure_is_recorded_at_the_place_below_the_path_and_a_success_records_nothing() {
        let root = Path::ROOT;
        let outer = root.key("outer");
        let mut report = ValidationErrors::new();
        At(&outer, "name", &mut report).fail(Ok(()));
        At(&outer, 2usize, &mut report).fail(Ok(()));
        At(&outer, (), &mut report).fail_at(1, Ok(()));
        assert!(report.is_empty());
        At(&outer, "name", &mut report).fail(broken());
        At(&outer, "a/b~c", &mut report).fail(broken());
        At(&outer, 2usize, &mut report).fail(broken());
        At(&outer, (), &mut report).fail(broken());
        let mut at = At(&outer, "tags", &mut report);
        at.fail_at(0, Ok(()));
        at.fail_at(3, broken());
        At(&outer, 1usize, &mut report).fail_at(4, broken());
        At(&outer, (), &mut report).fail_at(5, broken());
        assert_eq!(
            pointers(&report),
            [
                ("/outer/name", "length"),
                ("/outer/a~1b~0c", "length"),
                ("/outer/2", "length"),
                ("/outer", "length"),
                ("/outer/tags/3", "length"),
                ("/outer/1/4", "length"),
                ("/outer/5", "length"),
            ]
            .map(|(p, c)| (p.to_owned(), c.to_owned()))
        );
    }

    #[test]
    fn below_is_the_pointer_push_records_at() {
        let root = Path::ROOT;
        let outer = root.key("outer");
        assert_eq!("k".below(&outer).to_pointer(), "/outer/k");
        assert_eq!(7usize.below(&outer).to_pointer(), "/outer/7");
        assert_eq!(().below(&outer).to_pointer(), "/outer");
    }

    #[test]
    fn a_member_or_element_place_reports_below_the_container_into_its_report() {
        let root = Path::ROOT;
        let outer = root.key("outer");
        let mut report = ValidationErrors::new();
        let mut here = At(&outer, (), &mut report);
        here.key("name").fail(broken());
        here.key("tags").fail_at(2, broken());
        here.index(3).fail(broken());
        here.fail(broken());
        assert_eq!(
            pointers(&report),
            [
                ("/outer/name", "length"),
                ("/outer/tags/2", "length"),
                ("/outer/3", "length"),
                ("/outer", "length"),
            ]
            .map(|(p, c)| (p.to_owned(), c.to_owned()))
        );
    }

    #[test]
    fn the_report_is_the_one_given() {
        let root = Path::ROOT;
        let mut report = ValidationErrors::new();
        let mut at = At(&root, "name", &mut report);
        at.report()
            .push(&Path::ROOT, RuleError::new("custom", "no"));
        at.fail(broken());
        assert_eq!(report.len(), 2);
    }
}
