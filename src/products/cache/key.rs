//! The render cache's key: everything an exporter reads from a scene, exactly.
//!
//! Exporters are plain functions of the scene ([`crate::scene`]), the font files its
//! glyph runs name and the illustrations it places. The key hashes all of that: every
//! field of every page item at full precision (the `Debug` form of an `f32` reads back
//! as the same number), the metadata the files carry, the SHA-256 of each font file
//! and picture used, the format and [`crate::base::hash::BUILD_ID`] (the exporters'
//! own code). Two scenes with the same key make the same bytes.

use sha2::Digest as _;
use std::fmt::Write as _;

use crate::model::config::Format;
use crate::scene::{Item, Scene};

/// The cache key of `scene` exported as `format` (hex SHA-256).
pub fn key(scene: &Scene, format: Format) -> String {
    let mut h = sha2::Sha256::new();
    let mut line = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    line("hotline-kit render cache 1");
    line(crate::base::hash::BUILD_ID);
    line(format.ext());
    line(&format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        scene.ink,
        scene.design,
        scene.locale,
        scene.title,
        scene.medium,
        scene.direction,
        scene.mirrored,
        scene.draft,
        scene.document,
        scene.hash,
        scene.qr,
        scene.meta(),
    ));
    let mut fonts = std::collections::BTreeSet::new();
    for p in &scene.pages {
        line(&format!(
            "page {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            p.width, p.height, p.trim, p.bleed, p.safe, p.cut, p.white
        ));
        for item in p.items.iter().chain(&p.marks) {
            let mut s = format!("{item:?}");
            match item {
                Item::Text(run) => {
                    fonts.insert(run.font);
                }
                Item::Image { image, .. } => {
                    let _ = write!(s, " {}", crate::base::hash::digest(&image.data));
                }
                _ => {}
            }
            line(&s);
        }
    }
    for f in fonts {
        match scene.fonts.face(f) {
            Ok(face) => line(&format!("font {f:?} {}", face.digest())),
            Err(e) => line(&format!("font {f:?} missing: {}", e.message)),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
