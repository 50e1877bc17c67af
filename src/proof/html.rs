//! The offline HTML gallery of a proof packet.

use super::Proof;

/// The gallery's files: (path relative to the output folder, bytes). `index.html` first.
pub fn files(proof: &Proof) -> Vec<(String, Vec<u8>)> {
    let _ = proof;
    Vec::new()
}
