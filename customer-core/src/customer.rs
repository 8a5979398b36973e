//! The canonical, provider-neutral [`Customer`].

/// A customer as every API we model can describe it (filled in by the providers work).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Customer {}
