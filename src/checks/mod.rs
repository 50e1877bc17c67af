//! Layer 5, checks: one alignment per column of text ([`alignment`]); rules measured on laid-out pieces and loaded content: decoding
//! every piece back ([`verify`]), design and text rules ([`check`]), font coverage
//! ([`coverage`]), the channel-language rule ([`channel_rule`]) and the posting-law
//! compliance of state notices ([`compliance`]), and the pictures: context rules, scale
//! and size ([`imagery`]).

pub mod alignment;
pub mod channel_rule;
pub mod check;
pub mod compliance;
pub mod coverage;
pub mod imagery;
pub mod verify;
