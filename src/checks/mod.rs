//! Layer 5, checks: rules measured on laid-out pieces and loaded content: decoding
//! every piece back ([`verify`]), design and text rules ([`check`]), one alignment per
//! column of text ([`alignment`]), font coverage ([`coverage`]), the channel-language
//! rule ([`channel_rule`]), the posting-law compliance of state notices
//! ([`compliance`]), the contact lockup and reading distance ([`lockup`]), the number
//! leading over the QR code ([`qr_weight`]), the word to text ([`keyword`]), the
//! pictures: context rules, scale and size ([`imagery`]); pieces in two languages
//! ([`bilingual`]); the margin an office printer or a print shop keeps ([`margins`]); press colour: small text and QR codes in black ink
//! only, ink coverage, print values given ([`press`]).

pub mod alignment;
pub mod bilingual;
pub mod channel_rule;
pub mod check;
pub mod compliance;
pub mod coverage;
pub mod imagery;
pub mod keyword;
pub mod lockup;
pub mod margins;
pub mod press;
pub mod qr_weight;
pub mod spacing;
pub mod verify;
