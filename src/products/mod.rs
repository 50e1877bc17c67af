//! Layer 8, products: what the commands make from sealed scenes: one piece
//! ([`piece`]), a selection of pieces ([`selection`]), the whole kit ([`kit`]), video
//! loops, print marks, label sheets, the proof packet, the placement plan and the
//! translators' files.

pub mod bench;
pub mod compliance_cmd;
pub mod facility;
pub mod kit;
pub mod labels;
pub mod locale_cmd;
pub mod marks;
pub mod pageflow;
pub mod piece;
pub mod plan;
pub mod proof;
pub mod review_cmd;
pub mod selection;
pub mod sheet;
pub mod translate;
pub mod video;
pub mod video_cmd;
