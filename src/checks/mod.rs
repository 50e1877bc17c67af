//! Layer 5, checks: rules measured on laid-out pieces and loaded content: decoding
//! every piece back ([`verify`]), design and text rules ([`check`]), font coverage
//! ([`coverage`]), the channel-language rule ([`channel_rule`]) and the posting-law
//! compliance of state notices ([`compliance`]), the contact lockup and reading
//! distance ([`lockup`]).

pub mod channel_rule;
pub mod check;
pub mod compliance;
pub mod coverage;
pub mod lockup;
pub mod verify;
