//! Reference images and display-list snapshots of every default design, English and
//! Spanish. `HOTLINE_KIT_UPDATE_REFS=1 cargo test --release --test visual` regenerates
//! them; review the changed PNGs and `.scene.txt` files in the diff before committing.

use crate::common;

use hotline_kit::products::kit;

fn check_snapshot(name: &str, text: &str) {
    let path = common::root()
        .join("tests/ref")
        .join(format!("{name}.scene.txt"));
    if std::env::var_os("HOTLINE_KIT_UPDATE_REFS").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("missing snapshot {}: {e}", path.display()));
    if expected != text {
        let out = common::root().join("tests/out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(format!("{name}.scene.txt")), text).unwrap();
        let first = expected
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name}: display list changed (first difference at line {}); new one in tests/out/{name}.scene.txt\n- {}\n+ {}",
            first + 1,
            expected.lines().nth(first).unwrap_or(""),
            text.lines().nth(first).unwrap_or("")
        );
    }
}

#[test]
fn default_designs_match_their_references() {
    let p = common::project();
    let mut checked = 0;
    // State notices all come from one template: two of them stand for the family
    // (California's wording, Florida's own hotline).
    let designs = p.designs.values().filter(|d| {
        d.notice_of.is_none()
            || ["state-notice-us-ca", "state-notice-us-fl"].contains(&d.name.as_str())
    });
    for d in designs {
        for l in ["en", "es"] {
            let s = kit::compile(&p, &d.name, l).unwrap();
            let name = format!("{}-{l}", d.name);
            check_snapshot(&name, &s.snapshot());
            // 72 dpi for print, half size for screens: small files, every detail visible.
            let scale = if d.medium == hotline_kit::load::spec::Medium::Screen {
                0.5
            } else {
                1.0
            };
            for i in 0..s.pages.len() {
                let (w, h, rgba) = common::render_rgba(&s, i, scale);
                let page = if s.pages.len() > 1 {
                    format!("-{}", i + 1)
                } else {
                    String::new()
                };
                common::compare_ref(&format!("{name}{page}"), w, h, &rgba, 40);
                checked += 1;
            }
        }
    }
    // 7 one-page designs (with the mirrored and restroom variants), the two-sided
    // wallet card, 2 state notices, 4 slides, the two staff posters, the two-sided
    // badge card and safety card, in 2 locales.
    assert_eq!(checked, 2 * (7 + 2 + 2 + 4 + 2 + 2 + 2), "pages compared");
}
