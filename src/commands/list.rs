//! `hotline-kit list`: designs and locales, one line each.

use super::args::Global;
use super::context::load;
use crate::base::diag::Diagnostics;

/// Run `list`.
pub fn run(g: &Global) -> Result<(), Diagnostics> {
    let p = load(&g.project)?;
    let mut out = String::new();
    outln!(out, "Designs:");
    for d in p.designs.values() {
        let size = d.size_text();
        let pages = if d.pages.len() > 1 {
            format!(", {} pages", d.pages.len())
        } else {
            String::new()
        };
        let mirror = match (d.mirror, d.on_request) {
            (true, _) => ", mirrored",
            (_, true) => ", on request",
            _ => "",
        };
        outln!(
            out,
            "  {:<26} {:<16} {}{pages}{mirror}",
            d.name,
            size,
            d.title
        );
    }
    outln!(out, "Locales:");
    for c in p.catalogs.values() {
        outln!(
            out,
            "  {:<8} {:<22} {:<16} {}",
            c.code,
            c.info.name,
            c.info.native,
            c.info.script
        );
    }
    crate::emit(&out);
    Ok(())
}
