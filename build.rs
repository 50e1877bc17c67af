//! Rebuild when a file of the library that ships inside the binary changes, is added
//! or is removed (the list in src/base/shipped_paths.in); and write the build's
//! identity (`BUILD_ID`): a hash of the source code, `Cargo.lock`, the shipped library
//! and the compiler's version. The render cache keys its entries with it, so a program
//! built from other code never reuses another build's rendered files.

use std::path::Path;

fn main() {
    let paths: &[&str] = include!("src/base/shipped_paths.in");
    for path in paths {
        println!("cargo:rerun-if-changed={path}");
    }
    for p in ["src", "Cargo.lock", "Cargo.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={p}");
    }
    let mut h = Hash::default();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if let Ok(o) = std::process::Command::new(rustc).arg("-vV").output() {
        h.add(&o.stdout);
    }
    for p in ["src", "Cargo.lock", "Cargo.toml", "build.rs"]
        .iter()
        .chain(paths.iter())
    {
        add_tree(&mut h, Path::new(p));
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("build_id"), h.hex()).expect("write build_id");
}

/// Every file under `p` (sorted), path and content.
fn add_tree(h: &mut Hash, p: &Path) {
    let Ok(m) = std::fs::metadata(p) else { return };
    if m.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(p)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        for n in names {
            add_tree(h, &n);
        }
    } else if let Ok(bytes) = std::fs::read(p) {
        h.add(p.to_string_lossy().as_bytes());
        h.add(&(bytes.len() as u64).to_le_bytes());
        h.add(&bytes);
    }
}

/// Two 64-bit FNV-1a hashes with different starting values: an identity for a build,
/// not a defence against anyone (the build script has no dependencies).
struct Hash([u64; 2]);

impl Default for Hash {
    fn default() -> Self {
        Hash([0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142])
    }
}

impl Hash {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            for (i, v) in self.0.iter_mut().enumerate() {
                *v ^= u64::from(b) ^ (i as u64);
                *v = v.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0[0], self.0[1])
    }
}
