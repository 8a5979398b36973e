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
    /// Whether the type's own form adds nothing its walk does not check, and no type below it
    /// is [`Exact::UNKNOWN`] (found once, when the node is made, rather than in every walk that
    /// meets it).
    local: bool,
    /// Whether this is a model's node ([`ExactNode::new`]), not the node of [`Exact::YES`] or
    /// [`Exact::UNKNOWN`] (which also marks an empty slot of the walk's table).
    model: bool,
    /// `below[first..end]` holds every model below (a node with none has `first == end`): the
    /// walk looks at those entries alone, not at the leaves around them (text, numbers), and
    /// without a call (`below.len()` is one, the costly step of the constant evaluator).
    first: usize,
    /// See `first`.
    end: usize,
    /// The types below it (a model's fields' types).
    below: &'static [Exact],
}

impl ExactNode {
    /// A model's node: `name` unique to it, `local` its own form, `below` its fields' types.
    /// Reads the kind of each entry of `below` (not the node it points at: that node may be
    /// this one's, or hold it, and a static read while it is made is a cycle).
    #[must_use]
    pub const fn new(name: &'static str, local: bool, below: &'static [Exact]) -> Self {
        let mut local = local;
        let count = below.len();
        let (mut first, mut end) = (count, 0);
        let mut i = 0;
        while i < count {
            match below[i].kind {
                Kind::Yes => {}
                Kind::Unknown => local = false,
                Kind::Model => {
                    if first > i {
                        first = i;
                    }
                    end = i + 1;
                }
            }
            i += 1;
        }
        if first > end {
            first = end;
        }
        ExactNode {
            name,
            id: fnv1a(name.as_bytes()),
            local,
            model: true,
            first,
            end,
            below,
        }
    }

    /// The node of a type with nothing below: [`Exact::YES`]'s or [`Exact::UNKNOWN`]'s.
    const fn answer(local: bool) -> Self {
        ExactNode {
            name: "",
            id: 0,
            local,
            model: false,
            first: 0,
            end: 0,
            below: &[],
        }
    }
}

/// FNV-1a, 64 bits: cheap to compute in a constant (without a call per byte: the product is
/// taken in 128 bits, where it cannot overflow, rather than by `wrapping_mul`).
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let count = bytes.len();
    let mut i = 0;
    while i < count {
        hash ^= bytes[i] as u64;
        hash = (hash as u128 * 0x0100_0000_01b3) as u64;
        i += 1;
    }
    hash
}

/// What an [`Exact`] is, readable without following its pointer.
#[derive(Clone, Copy)]
enum Kind {
    /// [`Exact::YES`].
    Yes,
    /// [`Exact::UNKNOWN`].
    Unknown,
    /// A model's node ([`Exact::of`]): the walk goes below it.
    Model,
}

/// A type's answer (see [`super::Shape::__EXACT`]): a pointer to its node, and its kind. A
/// pointer, not a reference, so that a constant holding it does not need the static it points
/// at evaluated (models that hold each other would make that a cycle).
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Exact {
    /// The node.
    node: *const ExactNode,
    /// What the node is: a model's node is made knowing the kinds below it without reading
    /// their nodes.
    kind: Kind,
}

// SAFETY: an `Exact` only points at a `&'static ExactNode` (see `Exact::of`), immutable data
// without interior mutability.
unsafe impl Sync for Exact {}
// SAFETY: as above.
unsafe impl Send for Exact {}

/// Exact, nothing below (and the walk's empty slot).
static YES_NODE: ExactNode = ExactNode::answer(true);
/// Not known to be exact.
static UNKNOWN_NODE: ExactNode = ExactNode::answer(false);

/// The slots of the table of models met in one walk of [`Exact::holds`] (a power of two). The
/// table lives on the constant evaluator's stack: its size is paid once per walk, a lookup costs
/// one probe or a few.
const SLOTS: usize = 512;

impl Exact {
    /// An exact type with nothing below (text, numbers, a value read through serde).
    pub const YES: Exact = Exact {
        node: &raw const YES_NODE,
        kind: Kind::Yes,
    };
    /// A type not known to be exact (a `Shape` written by hand, a map whose keys' type is not
    /// walked).
    pub const UNKNOWN: Exact = Exact {
        node: &raw const UNKNOWN_NODE,
        kind: Kind::Unknown,
    };

    /// The answer of a model whose node is `node` (made by [`ExactNode::new`]).
    #[must_use]
    pub const fn of(node: &'static ExactNode) -> Exact {
        Exact {
            node,
            kind: Kind::Model,
        }
    }

    const fn node(self) -> &'static ExactNode {
        // SAFETY: made from a `&'static ExactNode` (`of`, `YES`, `UNKNOWN`).
        unsafe { &*self.node }
    }

    /// Whether the type is exact: its node and every node below it are exact locally. Each
    /// model is walked once however many paths lead to it: one met again (on the path to it, a
    /// recursive model, or already answered) adds nothing new. Past `SLOTS / 2` models, no
    /// (such a graph keeps its whole reads).
    #[must_use]
    pub const fn holds(self) -> bool {
        walk::<SLOTS>(self.node()).0
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

/// The walk of the graph below `root`, breadth first, in one call (a call is the costly step of
/// the constant evaluator): `seen` is an open-addressing table of the models met (keyed by
/// their FNV id, then their name), `order` the same models in the order met, walked in turn.
/// Only the models below a node are looked at (`below[first..end]`): the leaves (text, numbers,
/// a value read through serde) were answered when the node was made, into its `local`. A root
/// with no model below is answered by its `local` alone, without a table. Once more than
/// `S / 2` models are met, no. The answer, and how many models were walked.
const fn walk<const S: usize>(root: &'static ExactNode) -> (bool, usize) {
    let mut walked = 0;
    if !root.local {
        return (false, walked);
    }
    if root.first == root.end {
        return (true, walked);
    }
    // An empty slot holds `YES_NODE` (no model put in the table is one).
    let mut seen: [&'static ExactNode; S] = [&YES_NODE; S];
    let mut order: [&'static ExactNode; S] = [&YES_NODE; S];
    seen[root.id as usize & (S - 1)] = root;
    order[0] = root;
    let mut met = 1;
    while walked < met {
        let node = order[walked];
        walked += 1;
        let below_all = node.below;
        let (mut i, end) = (node.first, node.end);
        while i < end {
            let entry = below_all[i];
            i += 1;
            if let Kind::Yes = entry.kind {
                continue;
            }
            // A model (no entry is `UNKNOWN`: `node.local` would have said no).
            // SAFETY: as in `Exact::node` (not called: a call is the costly step).
            let below = unsafe { &*entry.node };
            if !below.local {
                return (false, walked);
            }
            let mut at = below.id as usize & (S - 1);
            loop {
                let slot = seen[at];
                if !slot.model {
                    if met == S / 2 {
                        return (false, walked);
                    }
                    seen[at] = below;
                    order[met] = below;
                    met += 1;
                    break;
                }
                if slot.id == below.id && same(slot.name, below.name) {
                    break;
                }
                at = (at + 1) & (S - 1);
            }
        }
    }
    (true, walked)
}

#[cfg(test)]
mod tests {
    use super::*;

    static A: ExactNode = ExactNode::new("a", true, &[Exact::of(&B), Exact::YES]);
    static B: ExactNode = ExactNode::new("b", true, &[Exact::of(&A)]);
    static C: ExactNode = ExactNode::new("c", true, &[Exact::of(&C), Exact::UNKNOWN]);
    static D: ExactNode = ExactNode::new("d", true, &[Exact::of(&A), Exact::of(&C)]);
    static E: ExactNode = ExactNode::new("e", false, &[Exact::YES]);

    #[test]
    fn ids_are_fnv1a() {
        // FNV-1a's published 64-bit values.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

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
        // A cycle is walked once: `a` and `b`, each one time.
        assert_eq!(walk::<SLOTS>(&A).1, 2);
    }

    // Diamonds: `l<i>` and `r<i>` both hold `l<i+1>` and `r<i+1>`, 16 levels deep (2^16 paths
    // to the bottom), the last level holding `bottom`.
    macro_rules! diamonds {
        ($bottom:ident; $($l:ident $r:ident),+) => {
            diamonds!(@level $bottom; $($l $r),+);
        };
        (@level $bottom:ident; $l:ident $r:ident) => {
            static $l: ExactNode =
                ExactNode::new(stringify!($l), true, &[Exact::of(&$bottom), Exact::YES]);
            static $r: ExactNode = ExactNode::new(stringify!($r), true, &[Exact::of(&$bottom)]);
        };
        (@level $bottom:ident; $l:ident $r:ident, $nl:ident $nr:ident $(, $rl:ident $rr:ident)*) => {
            static $l: ExactNode = ExactNode::new(
                stringify!($l),
                true,
                &[Exact::of(&$nl), Exact::YES, Exact::of(&$nr)],
            );
            static $r: ExactNode =
                ExactNode::new(stringify!($r), true, &[Exact::of(&$nr), Exact::of(&$nl)]);
            diamonds!(@level $bottom; $nl $nr $(, $rl $rr)*);
        };
    }

    static GOOD_BOTTOM: ExactNode = ExactNode::new(
        "good_bottom",
        true,
        &[Exact::of(&L0), Exact::YES, Exact::of(&R0)],
    );
    static BAD_BOTTOM: ExactNode = ExactNode::new("bad_bottom", true, &[Exact::UNKNOWN]);
    diamonds!(GOOD_BOTTOM; L0 R0, L1 R1, L2 R2, L3 R3, L4 R4, L5 R5, L6 R6, L7 R7, L8 R8, L9 R9,
        L10 R10, L11 R11, L12 R12, L13 R13, L14 R14, L15 R15);
    diamonds!(BAD_BOTTOM; M0 N0, M1 N1, M2 N2, M3 N3, M4 N4, M5 N5, M6 N6, M7 N7, M8 N8, M9 N9,
        M10 N10, M11 N11, M12 N12, M13 N13, M14 N14, M15 N15);

    #[test]
    fn a_model_reached_by_many_paths_is_walked_once() {
        // 2^16 paths lead to the bottom (which leads back to the top): each of the 33 models is
        // walked once, and the answer is yes (the walk along every path ran out of its budget
        // and said no).
        const ANSWERS: [bool; 4] = [
            Exact::of(&L0).holds(),
            Exact::of(&R0).holds(),
            Exact::of(&M0).holds(),
            Exact::of(&N0).holds(),
        ];
        assert_eq!(ANSWERS, [true, true, false, false]);
        assert_eq!(walk::<SLOTS>(&L0).1, 33);
        assert_eq!(walk::<SLOTS>(&R7).1, 33);
        // The one model not exact is found however many paths lead to it.
        assert!(!walk::<SLOTS>(&N3).0);
    }

    // A wide graph: one model holding 40 others, each holding one leaf and the first.
    macro_rules! wide {
        ($top:ident, $bad:ident; $($name:ident)+) => {
            static $top: ExactNode = ExactNode::new(
                stringify!($top),
                true,
                &[$(Exact::of(&$name)),+],
            );
            static $bad: ExactNode = ExactNode::new(
                stringify!($bad),
                true,
                &[$(Exact::of(&$name)),+, Exact::UNKNOWN],
            );
            $(
                static $name: ExactNode = ExactNode::new(
                    stringify!($name),
                    true,
                    &[Exact::YES, Exact::of(&$top)],
                );
            )+
        };
    }

    wide!(WIDE, WIDE_BAD; W0 W1 W2 W3 W4 W5 W6 W7 W8 W9 W10 W11 W12 W13 W14 W15 W16 W17 W18 W19
        W20 W21 W22 W23 W24 W25 W26 W27 W28 W29 W30 W31 W32 W33 W34 W35 W36 W37 W38 W39);

    #[test]
    fn a_wide_graph() {
        const ANSWERS: [bool; 3] = [
            Exact::of(&WIDE).holds(),
            Exact::of(&W17).holds(),
            Exact::of(&WIDE_BAD).holds(),
        ];
        assert_eq!(ANSWERS, [true, true, false]);
        assert_eq!(walk::<SLOTS>(&WIDE).1, 41);
        assert_eq!(walk::<SLOTS>(&W39).1, 41);
        // In a smaller table (more slots shared by two ids), the same answers.
        assert!(walk::<128>(&WIDE).0);
        assert_eq!(walk::<128>(&W3).1, 41);
        assert!(!walk::<128>(&WIDE_BAD).0);
    }

    #[test]
    fn past_the_tables_room_the_answer_is_no() {
        // Room for half the slots: the 41 models of the wide graph fit in 128 slots, not in 64.
        assert!(walk::<128>(&WIDE).0);
        let full = walk::<64>(&W0);
        assert!(!full.0);
        assert!(full.1 < 41);
        // The 33 models of the diamonds fit in 128 slots, not in 64 (room for 32).
        assert!(walk::<128>(&L0).0);
        assert!(!walk::<64>(&L0).0);
        // A cycle of two fits in four slots, exactly.
        assert!(walk::<4>(&A).0);
        assert!(!walk::<2>(&A).0);
    }

    // A deep chain, as `Option<Box<next>>` fields make one: `k<i>` holds a leaf and `k<i+1>`,
    // the last holds `bottom`. Each model's constant walks the chain below it once: the walk
    // from `k<i>` visits each model below it one time (linear in the depth), so the chain's
    // constants together make O(n^2) visits (a constant cannot take the answer of a model it
    // holds through a pointer: that model may hold it back, a cycle in constant evaluation).
    macro_rules! chain {
        ($bottom:ident; $last:ident) => {
            static $last: ExactNode =
                ExactNode::new(stringify!($last), true, &[Exact::YES, Exact::of(&$bottom)]);
        };
        ($bottom:ident; $head:ident $next:ident $($rest:ident)*) => {
            static $head: ExactNode =
                ExactNode::new(stringify!($head), true, &[Exact::YES, Exact::of(&$next)]);
            chain!($bottom; $next $($rest)*);
        };
    }

    static CHAIN_END: ExactNode = ExactNode::new("chain_end", true, &[Exact::YES]);
    static CHAIN_BAD: ExactNode = ExactNode::new("chain_bad", true, &[Exact::UNKNOWN]);
    chain!(CHAIN_END; K0 K1 K2 K3 K4 K5 K6 K7 K8 K9 K10 K11 K12 K13 K14 K15 K16 K17 K18 K19
        K20 K21 K22 K23 K24 K25 K26 K27 K28 K29 K30 K31 K32 K33 K34 K35 K36 K37 K38 K39);
    chain!(CHAIN_BAD; B0 B1 B2 B3 B4 B5 B6 B7 B8 B9 B10 B11 B12 B13 B14 B15 B16 B17 B18 B19
        B20 B21 B22 B23 B24 B25 B26 B27 B28 B29 B30 B31 B32 B33 B34 B35 B36 B37 B38 B39);

    #[test]
    fn a_deep_chain_is_walked_once_per_constant() {
        const ANSWERS: [bool; 4] = [
            Exact::of(&K0).holds(),
            Exact::of(&K39).holds(),
            Exact::of(&B0).holds(),
            Exact::of(&B39).holds(),
        ];
        assert_eq!(ANSWERS, [true, true, false, false]);
        // 40 models and the end: each walked once from the head, the models below from any
        // other (the end, a model, is walked too; the leaves are answered where met).
        assert_eq!(walk::<SLOTS>(&K0).1, 41);
        assert_eq!(walk::<SLOTS>(&K20).1, 21);
        assert_eq!(walk::<SLOTS>(&K39).1, 2);
        // The chain's constants together: one visit per model and constant above it.
        let visits: usize = [
            &K0, &K1, &K2, &K3, &K4, &K5, &K6, &K7, &K8, &K9, &K10, &K11, &K12, &K13, &K14, &K15,
            &K16, &K17, &K18, &K19, &K20, &K21, &K22, &K23, &K24, &K25, &K26, &K27, &K28, &K29,
            &K30, &K31, &K32, &K33, &K34, &K35, &K36, &K37, &K38, &K39,
        ]
        .iter()
        .map(|node| walk::<SLOTS>(node).1)
        .sum();
        assert_eq!(visits, (2..=41).sum::<usize>());
        // The one model that is not exact, at the bottom (it holds a type not known to be
        // exact), is found from the head when it is met, after the 40 models above it: its node
        // said no when it was made.
        assert_eq!(walk::<SLOTS>(&B0), (false, 40));
    }

    // Two models whose ids are the same (made so here; FNV-1a collisions are rare): both are
    // walked, their names tell them apart. `bad` is exact locally; the model below it is not.
    static SAME_ID_TOP: ExactNode = ExactNode {
        id: 7,
        ..ExactNode::new(
            "top",
            true,
            &[Exact::of(&SAME_ID_GOOD), Exact::of(&SAME_ID_BAD)],
        )
    };
    static SAME_ID_GOOD: ExactNode = ExactNode {
        id: 7,
        ..ExactNode::new("good", true, &[Exact::YES, Exact::of(&SAME_ID_TOP)])
    };
    static SAME_ID_BAD: ExactNode = ExactNode {
        id: 7,
        ..ExactNode::new("bad", true, &[Exact::YES, Exact::of(&NOT_EXACT)])
    };
    static NOT_EXACT: ExactNode = ExactNode::new("not_exact", false, &[]);

    #[test]
    fn models_sharing_an_id_are_told_apart_by_name() {
        const ANSWERS: [bool; 3] = [
            Exact::of(&SAME_ID_TOP).holds(),
            Exact::of(&SAME_ID_GOOD).holds(),
            Exact::of(&SAME_ID_BAD).holds(),
        ];
        assert_eq!(ANSWERS, [false, false, false]);
        // All three are walked: `bad`, met last, is not taken for one already met.
        assert_eq!(walk::<SLOTS>(&SAME_ID_TOP).1, 3);
    }
}
