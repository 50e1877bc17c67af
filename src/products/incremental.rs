//! Incremental builds: a build whose inputs and output folder are exactly as the last
//! build left them does nothing, without even loading the project.
//!
//! After each build, a stamp is kept in the project's `.hotline-kit/builds/` (one per
//! output folder): a key over everything the build depends on (this program's
//! [`BUILD_ID`](crate::base::hash::BUILD_ID), what was asked, the date, and the
//! identity of every input file and folder, see [`crate::base::stamp`]), the identity of
//! every file in the output folder, and what the build said. The next build computes
//! the key again; when it and the output folder match, the build is done.
//!
//! Anything else (an input touched, a file in the output folder edited or removed,
//! another program, another day) goes the full way: the project is loaded and every
//! piece laid out, and the renders come from the cache ([`crate::products::cache`]),
//! so only pieces whose content changed are drawn again, and files whose bytes did not
//! change are not written again ([`crate::base::output::Published::unchanged`]).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::output::OutDir;
use crate::base::stamp::{self, Ident};

/// Where stamps are kept, inside the project.
pub const DIR: &str = ".hotline-kit/builds";

/// A build's inputs, identified.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Over everything the build depends on.
    pub key: String,
    /// Every input is older than [`stamp::SETTLED`]: their times can tell a change.
    pub settled: bool,
}

/// Identify a build's inputs: the project's [`READ_PATHS`](crate::base::assets::READ_PATHS),
/// files named on the command line (`extra`), and `asked` (everything else the output
/// depends on, as text: the selection, the options, the date).
pub fn inputs(project: &Path, extra: &[PathBuf], asked: &str) -> Inputs {
    let mut idents = stamp::tree(project, crate::base::assets::READ_PATHS);
    let mut settled = stamp::settled(project, &idents);
    let others: Vec<Ident> = extra
        .iter()
        .map(|p| {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            (abs.display().to_string(), stamp::file(&abs))
        })
        .collect();
    settled &= stamp::settled(Path::new(""), &others);
    idents.extend(others);
    let real = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_path_buf());
    let mut text = format!(
        "{}\n{}\n{asked}\n",
        crate::base::hash::BUILD_ID,
        real.display()
    );
    for (rel, id) in &idents {
        text.push_str(&format!("{rel}\t{id}\n"));
    }
    Inputs {
        key: crate::base::hash::digest(text.as_bytes()),
        settled,
    }
}

/// What the last build of an output folder made and said.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Said {
    /// Files written (pieces, plan, zip; without the manifest).
    pub files: usize,
    /// Their bytes.
    pub bytes: u64,
    /// Of them, files marked DRAFT.
    pub drafts: usize,
    /// Pieces (design x locale) made.
    #[serde(default)]
    pub pieces: usize,
    /// The warnings it printed, as printed.
    pub warnings: String,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    key: String,
    outputs: Vec<Ident>,
    said: Said,
}

fn stamp_path(project: &Path, out: &OutDir) -> PathBuf {
    let name = crate::base::hash::digest(out.path().to_string_lossy().as_bytes());
    project.join(DIR).join(format!("{}.json", &name[..32]))
}

/// What the last build said, if `out` is exactly as it left it and the inputs are the
/// same.
pub fn fresh(project: &Path, out: &OutDir, inputs: &Inputs) -> Option<Said> {
    let bytes = std::fs::read(stamp_path(project, out)).ok()?;
    let saved: Saved = serde_json::from_slice(&bytes).ok()?;
    if saved.key != inputs.key {
        return None;
    }
    (stamp::tree(&out.path(), &["."]) == saved.outputs).then_some(saved.said)
}

/// Keep the stamp of a build just published into `out`. Only when every input is
/// settled (else the next build goes the full way, which is still correct); a stamp
/// that cannot be written costs only speed.
pub fn save(project: &Path, out: &OutDir, inputs: &Inputs, said: Said) {
    let path = stamp_path(project, out);
    if !inputs.settled {
        let _ = std::fs::remove_file(&path);
        return;
    }
    let saved = Saved {
        key: inputs.key.clone(),
        outputs: stamp::tree(&out.path(), &["."]),
        said,
    };
    let Ok(json) = serde_json::to_vec(&saved) else {
        return;
    };
    if crate::base::output::not_a_folder(project, DIR).is_none() {
        let _ = crate::products::kit::write_atomic(&path, &json);
    }
}
