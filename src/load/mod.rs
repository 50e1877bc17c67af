//! Layer 2, load: reading and checking everything a kit is made from, through
//! [`crate::base::assets::Assets`]: hotline facts, content, claims, locale catalogs,
//! fonts, imagery and icons, design specs, posting-law profiles, the kit file, the approvals
//! ledger, and the [`project::Project`] that holds them all.

pub mod board_rule;
pub mod catalog_lint;
pub mod claims;
pub mod contact;
pub mod content;
pub mod facilities;
pub mod fonts;
pub mod hotline;
pub mod icons;
pub mod image_rules;
pub mod imagery;
pub mod jurisdiction;
pub mod kitfile;
pub mod ledger;
pub mod locale;
pub mod project;
pub mod resource;
pub mod spec;
pub mod staff;
