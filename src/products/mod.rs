//! Layer 8, products: what the commands make from sealed scenes: one piece
//! ([`piece`]), a selection of pieces ([`selection`]), the whole kit ([`kit`]), video
//! loops, print marks, label sheets, the proof packet, the placement plan, the
//! translators' files and the staff posting report; [`workspace`] opens a project, its
//! kit file and a selection.

pub mod approvals;
pub mod approved_images;
pub mod batch;
pub mod bench;
pub mod bench_png;
pub mod bundle;
pub mod cache;
pub mod compliance_report;
pub mod crawl;
pub mod facility;
pub mod incremental;
pub mod kit;
pub mod labels;
pub mod ledger_file;
pub mod locales;
pub mod loops;
pub mod marks;
pub mod pageflow;
pub mod piece;
pub mod plan;
pub mod postings;
pub mod proof;
pub mod selection;
pub mod sheet;
pub mod translate;
pub mod video;
pub mod workspace;
