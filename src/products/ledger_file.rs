//! Writing the approvals ledger safely while others write it too: the command line's
//! `approve` and the web application may record decisions at the same moment.
//!
//! Every write is a locked read-modify-write: an exclusive lock on a lock file beside
//! the ledger (`reviews/.approvals.toml.lock`), the ledger read again from disk under
//! the lock (never a copy read earlier), the change made to that, the result written
//! to a temporary file in the same folder and renamed over the ledger, the lock
//! released. Readers need no lock: they see the old ledger or the new one, never half.

use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::ledger::Ledger;

/// The lock file of the ledger at `ledger`: `.NAME.lock` in the same folder. It is
/// left in place after use (removing it would let two writers hold different locks).
pub fn lock_path(ledger: &Path) -> PathBuf {
    let name = ledger
        .file_name()
        .map_or_else(|| "approvals.toml".into(), |n| n.to_string_lossy());
    ledger.with_file_name(format!(".{name}.lock"))
}

/// Change the ledger at `path` under its lock: `change` gets the ledger as it is on
/// disk now and returns its result and whether it changed the ledger; the ledger is
/// written (atomically) only then. When `change` fails, nothing is written.
pub fn update<T>(
    path: &Path,
    change: impl FnOnce(&mut Ledger) -> Result<(T, bool), Diagnostics>,
) -> Result<T, Diagnostics> {
    let lock = lock_path(path);
    let fail = |what: &str, e: std::io::Error| {
        Diagnostics::from(
            Diagnostic::error(format!("cannot {what} {}: {e}", lock.display()))
                .hint("the approvals ledger is locked while a decision is recorded; check that its folder can be written"),
        )
    };
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail("create the folder of", e))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| fail("open", e))?;
    file.lock().map_err(|e| fail("lock", e))?;
    let result = (|| {
        let mut ledger = Ledger::load(path)?;
        let (out, changed) = change(&mut ledger)?;
        if changed {
            crate::products::kit::write_atomic(path, ledger.to_toml().as_bytes())?;
        }
        Ok(out)
    })();
    // Closing the file releases the lock as well; unlock first to say so.
    let _ = file.unlock();
    result
}
