//! Whether the walk of a type is exact: its verdict is `true` only when serde reads the value,
//! so that a model need not read itself whole to find what serde refuses beyond the shapes.
//!
//! A type is exact when its own form adds nothing its walk does not check and every type below
//! it is exact. Models nest each other, recursively too, so the answer is a walk over a graph
//! the derive writes as statics (one [`ExactNode`] per model, its fields' types below it),
//! evaluated at compile time by [`Exact::holds`]: a model's whole read is compiled only when
//! the answer is no.

/// One type's node: whether its own form is exact (`local`) and the types below it.
#[doc(hidden)]
pub struct ExactNode {
    /// Names the type among those below it (a model's path and place), to find cycles.
    name: &'static str,
    /// A hash of `name`, compared before it (the walk runs in rustc's constant evaluator, where
    /// every step is costly: two names of one module share their long prefix).
    id: u64,
    /// Whether the type's own form adds nothing its walk does not check.
    local: bool,
    /// The types below it (a model's fields' types).
    below: &'static [Exact],
}

impl ExactNode {
    /// A model's node: `name` unique to it, `local` its own form, `below` its fields' types.
    #[must_use]
    pub const fn new(name: &'static str, local: bool, below: &'static [Exact]) -> Self {
        ExactNode {
            name,
            id: fnv1a(name.as_bytes()),
            local,
            below,
        }
    }
}

/// FNV-1a, 64 bits: cheap to compute in a constant.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// A type's answer (see [`super::Shape::__EXACT`]): a pointer to its node. A pointer, not a
/// reference, so that a constant holding it does not need the static it points at evaluated
/// (models that hold each other would make that a cycle).
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Exact(*const ExactNode);

// SAFETY: an `Exact` only points at a `&'static ExactNode` (see `Exact::of`), immutable data
// without interior mutability.
unsafe impl Sync for Exact {}
// SAFETY: as above.
unsafe impl Send for Exact {}

/// Exact, nothing below.
static YES_NODE: ExactNode = ExactNode::new("", true, &[]);
/// Not known to be exact.
static UNKNOWN_NODE: ExactNode = ExactNode::new("", false, &[]);

/// How many models [`Exact::holds`] visits before it answers no (a graph that large keeps its
/// whole reads).
const BUDGET: usize = 4096;

impl Exact {
    /// An exact type with nothing below (text, numbers, a value read through serde).
    pub const YES: Exact = Exact(&raw const YES_NODE);
    /// A type not known to be exact (a `Shape` written by hand, a map whose keys' type is not
    /// walked).
    pub const UNKNOWN: Exact = Exact(&raw const UNKNOWN_NODE);

    /// The answer of a type whose node is `node`.
    #[must_use]
    pub const fn of(node: &'static ExactNode) -> Exact {
        Exact(node)
    }

    fn node(self) -> &'static ExactNode {
        // SAFETY: made from a `&'static ExactNode` (`of`, `YES`, `UNKNOWN`).
        unsafe { &*self.0 }
    }

    /// Whether the type is exact: its node and every node below it are exact locally. A model
    /// met again on the path to it adds nothing new (its nodes are being visited): a recursive
    /// model is exact when the rest is. Past [`BUDGET`] models visited, no.
    #[must_use]
    pub const fn holds(self) -> bool {
        let mut budget = BUDGET;
        walk(self.const_node(), None, &mut budget)
    }

    const fn const_node(self) -> &'static ExactNode {
        // SAFETY: as in `node`.
        unsafe { &*self.0 }
    }
}

impl std::fmt::Debug for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exact")
            .field("name", &self.node().name)
            .field("local", &self.node().local)
            .finish_non_exhaustive()
    }
}

/// The models on the path from the type asked about to the node being visited.
struct Trail<'a> {
    node: &'static ExactNode,
    up: Option<&'a Trail<'a>>,
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn walk(node: &'static ExactNode, trail: Option<&Trail<'_>>, budget: &mut usize) -> bool {
    if !node.local {
        return false;
    }
    if node.below.is_empty() {
        return true;
    }
    let mut on = trail;
    while let Some(step) = on {
        if step.node.id == node.id && same(step.node.name, node.name) {
            return true;
        }
        on = step.up;
    }
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let here = Trail { node, up: trail };
    let mut i = 0;
    while i < node.below.len() {
        let below = node.below[i].const_node();
        // A leaf (text, a number, a value read through serde) answers without a call: most
        // fields are leaves, and a call is the costly step of the constant evaluator.
        let answered = if below.below.is_empty() {
            below.local
        } else {
            walk(below, Some(&here), budget)
        };
        if !answered {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    static A: ExactNode = ExactNode::new("a", true, &[Exact(&raw const B), Exact::YES]);
    static B: ExactNode = ExactNode::new("b", true, &[Exact(&raw const A)]);
    static C: ExactNode = ExactNode::new("c", true, &[Exact(&raw const C), Exact::UNKNOWN]);
    static D: ExactNode = ExactNode::new("d", true, &[Exact(&raw const A), Exact(&raw const C)]);
    static E: ExactNode = ExactNode::new("e", false, &[Exact::YES]);

    #[test]
    fn cycles_and_leaves() {
        const ANSWERS: [bool; 7] = [
            Exact::of(&A).holds(),
            Exact::of(&B).holds(),
            Exact::of(&C).holds(),
            Exact::of(&D).holds(),
            Exact::of(&E).holds(),
            Exact::YES.holds(),
            Exact::UNKNOWN.holds(),
        ];
        assert_eq!(ANSWERS, [true, true, false, false, false, true, false]);
    }
}
