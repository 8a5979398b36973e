//! Finding, below where serde's path stopped, what serde refused inside an enum's buffered
//! content.
//!
//! A value read whole through serde (the first error of a document the walk finds nothing wrong
//! with, a model read whole for what serde refuses beyond the shapes) has its error's pointer
//! from the path serde_path_to_error keeps. serde reads an internally or adjacently tagged or
//! an untagged enum by buffering the enum's value into its private `Content` first, and reads
//! the variant from that, where no path is kept: an error inside the variant (a field whose own
//! `Deserialize` refuses a value its shape takes) comes out at the enum's pointer, and for an
//! untagged enum as "matches none of the variants".
//!
//! When such an error's pointer is an object or an array, the document is walked once more,
//! without rules, with that pointer as a target: each data enum at or below a target whose
//! chosen variant's walk finds nothing reads the variant's fields alone through serde, each
//! from the tree with its path tracked (`DataEnum::alone`, the fields whose type's walk is not
//! exact). An untagged enum does this inside each variant's attempt, so that a variant whose
//! field serde refuses is not taken to be the one read, as serde does not take it. Enums nest:
//! the walk reaches the innermost first, and a refusal found there makes the enums around it
//! fail their walk, so they read nothing more. What the walk finds below a target replaces the
//! target's own error; when it finds nothing, that error stays as it was.
//!
//! Not found this way, and left at the enum's pointer: what serde's `Content` refuses and a
//! read straight from the tree takes (none of the standard types, for owned values), and a
//! refusal inside the members a `#[serde(flatten)]` field reads (serde buffers those too, and
//! the walk has no per-field read for them); a generic enum's variants, whose fields' types are
//! not known where the enum is described, are not read alone either.
//!
//! Cost: one more walk of the document, only for a report with such an error; the reads alone
//! are bounded by a budget of four times the document's values, so that enums nested in enums,
//! each reading what holds the next, stay linear in the document (past the budget, nothing more
//! is read and the rest stays at serde's pointer).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use super::{Node, Report, ShapeFn};
use crate::error::{Path, ValidationErrors, Violation};

/// What the walk of [`locate`] looks for: the pointers at or below which an enum reads its
/// variant's fields alone, and how many values may still be read.
#[derive(Debug)]
pub(crate) struct Locate {
    targets: HashSet<String>,
    budget: Cell<usize>,
}

impl Locate {
    /// Whether `pointer` is a target or below one.
    pub(crate) fn covers(&self, pointer: &str) -> bool {
        self.target_of(pointer).is_some()
    }

    /// The target `pointer` is at or below (the nearest), if any: each of its prefixes looked
    /// up, so that many targets cost no more than one.
    fn target_of<'p>(&self, pointer: &'p str) -> Option<&'p str> {
        if self.targets.contains(pointer) {
            return Some(pointer);
        }
        pointer
            .rmatch_indices('/')
            .map(|(at, _)| &pointer[..at])
            .find(|prefix| self.targets.contains(*prefix))
    }

    /// Takes the values of `node` from the budget: `false` (and the budget spent) when there
    /// are not that many left. Counts at most what is left.
    pub(crate) fn spend(&self, node: &Node) -> bool {
        let left = self.budget.get();
        let size = size_within(node, left);
        if size > left {
            self.budget.set(0);
            return false;
        }
        self.budget.set(left - size);
        true
    }
}

/// The number of values in `node` (itself and everything in it), counting no further than
/// `limit + 1`.
pub(super) fn size_within(node: &Node, limit: usize) -> usize {
    let mut count = 0usize;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        count += 1;
        if count > limit {
            break;
        }
        match node {
            Node::Array(items) => stack.extend(items),
            Node::Object(members) => stack.extend(members.iter().map(|(_, value)| value)),
            _ => {}
        }
    }
    count
}

/// The value at `pointer` in `root`, if there is one.
fn node_at<'n>(root: &'n Node, pointer: &str) -> Option<&'n Node> {
    let mut at = root;
    let Some(rest) = pointer.strip_prefix('/') else {
        return pointer.is_empty().then_some(root);
    };
    for raw in rest.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        at = match at {
            Node::Object(members) => &members.iter().find(|(key, _)| *key == segment)?.1,
            Node::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

/// `shapes` (the shape errors of the document `node`, whose walk is `walk`), each error a read
/// through serde reported at an object or an array (`failures`: their pointers) replaced by what
/// serde refused below it, when the walk of this module finds it. See the module's
/// documentation.
pub(crate) fn locate(
    node: &Node,
    walk: ShapeFn,
    context: Option<&dyn std::any::Any>,
    mut shapes: ValidationErrors,
    failures: &[String],
) -> ValidationErrors {
    let mut targets: HashSet<String> = HashSet::new();
    for pointer in failures {
        let holds_more = matches!(
            node_at(node, pointer),
            Some(Node::Object(_) | Node::Array(_))
        );
        if holds_more {
            targets.insert(pointer.clone());
        }
    }
    if targets.is_empty() {
        return shapes;
    }
    let budget = size_within(node, usize::MAX).saturating_mul(4);
    let locate = Locate {
        targets,
        budget: Cell::new(budget),
    };
    let mut report = Report::locating_in(context, &locate);
    walk(node, &Path::ROOT, &mut report, false);
    let found: Vec<Violation> = report.shapes.into_iter().collect();
    // What the walk found that the report does not hold already (the same pointer and code):
    // the values read alone. The walk's own shape errors are in the report (the walk with
    // rules finds those of the walk without).
    let key = |violation: &Violation| (violation.pointer().to_owned(), violation.code().to_owned());
    let mut known: HashMap<(String, String), usize> = HashMap::new();
    for violation in shapes.iter() {
        *known.entry(key(violation)).or_default() += 1;
    }
    let walked: HashSet<(String, String)> = found.iter().map(key).collect();
    let mut new = Vec::new();
    for violation in found {
        match known.get_mut(&key(&violation)) {
            Some(count) if *count > 0 => *count -= 1,
            _ if locate.covers(violation.pointer()) => new.push(violation),
            _ => {}
        }
    }
    if new.is_empty() {
        return shapes;
    }
    // The targets something was found below (the nearest of each find): their own error
    // (serde's, at the enum) goes.
    let located: HashSet<&str> = new
        .iter()
        .filter_map(|violation| locate.target_of(violation.pointer()))
        .collect();
    let counted = shapes.take_counted();
    let mut out = ValidationErrors::new();
    for violation in shapes {
        let replaced = located.contains(violation.pointer()) && !walked.contains(&key(&violation));
        if !replaced {
            out.push_violation(violation);
        }
    }
    for violation in new {
        out.push_violation(violation);
    }
    out.add_counted(counted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_below_targets_and_sizes() {
        let node: Node = serde_json::from_str(r#"{"a": [1, {"b~/": [2, 3]}], "c": null}"#).unwrap();
        assert_eq!(size_within(&node, usize::MAX), 8);
        assert_eq!(size_within(&node, 2), 3);
        assert_eq!(
            node_at(&node, "/a/1/b~0~1/1"),
            Some(&Node::Number(3.into()))
        );
        assert_eq!(node_at(&node, ""), Some(&node));
        assert_eq!(node_at(&node, "/a/2"), None);
        assert_eq!(node_at(&node, "/c/x"), None);
        let locate = Locate {
            targets: ["/a".to_owned(), "/a/1/b".to_owned()].into_iter().collect(),
            budget: Cell::new(5),
        };
        assert!(locate.covers("/a/1") && locate.covers("/a") && !locate.covers("/c"));
        assert!(!locate.covers("/ab") && !locate.covers(""));
        assert_eq!(locate.target_of("/a/1/b/0"), Some("/a/1/b"));
        assert_eq!(locate.target_of("/a/1/c"), Some("/a"));
        let root = Locate {
            targets: std::iter::once(String::new()).collect(),
            budget: Cell::new(0),
        };
        assert!(root.covers("") && root.covers("/x/y"));
        assert!(locate.spend(node_at(&node, "/a/1").unwrap()));
        assert_eq!(locate.budget.get(), 1);
        assert!(!locate.spend(&node));
        assert_eq!(locate.budget.get(), 0);
    }
}
