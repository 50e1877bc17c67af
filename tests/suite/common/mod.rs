//! Shared test helpers: the bundled project, fixture overlays, reference images, PDF text.

#![allow(dead_code)]

pub mod overlay;
pub mod pdftext;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hotline_kit::base::assets::FsAssets;
use hotline_kit::load::project::Project;

/// The repository root (the bundled project).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled project, as shipped.
pub fn project() -> Project {
    Project::load(Arc::new(FsAssets::new(root())))
        .unwrap_or_else(|d| panic!("bundled project does not load: {d:?}"))
}

/// The bundled project with one file replaced by `edit(original text)`; the overlay
/// lives in the returned temporary folder.
pub fn project_with_edit(rel: &str, edit: impl Fn(&str) -> String) -> (Project, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let path = dir.path().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    let assets = FsAssets::layered(vec![dir.path().to_path_buf(), root()]);
    let p = Project::load(Arc::new(assets))
        .unwrap_or_else(|d| panic!("edited project does not load: {d:?}"));
    (p, dir)
}

/// Decode a PNG file into (width, height, RGBA bytes) with the image crate.
pub fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let img = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
        .expect("valid PNG")
        .to_rgba8();
    (img.width(), img.height(), img.into_raw())
}

/// Compare an RGBA image with `tests/ref/<name>.png`. A pixel differs when any channel
/// differs by more than `tol`; the test fails if more than 0.2% of pixels differ. On
/// failure, `tests/out/<name>-{expected,actual,diff}.png` are written. With
/// `HOTLINE_KIT_UPDATE_REFS=1` the reference is (re)written instead.
pub fn compare_ref(name: &str, w: u32, h: u32, rgba: &[u8], tol: u8) {
    let refp = root().join("tests/ref").join(format!("{name}.png"));
    let actual = image::RgbaImage::from_raw(w, h, rgba.to_vec()).unwrap();
    if std::env::var_os("HOTLINE_KIT_UPDATE_REFS").is_some() {
        std::fs::create_dir_all(refp.parent().unwrap()).unwrap();
        actual.save(&refp).unwrap();
        eprintln!("wrote reference {}", refp.display());
        return;
    }
    let expected = image::open(&refp)
        .unwrap_or_else(|e| panic!("missing reference {}: {e}", refp.display()))
        .to_rgba8();
    let outdir = root().join("tests/out");
    let fail = |why: String| -> ! {
        std::fs::create_dir_all(&outdir).unwrap();
        expected
            .save(outdir.join(format!("{name}-expected.png")))
            .unwrap();
        actual
            .save(outdir.join(format!("{name}-actual.png")))
            .unwrap();
        panic!(
            "{name}: {why}; see tests/out/{name}-{{expected,actual,diff}}.png (HOTLINE_KIT_UPDATE_REFS=1 regenerates references)"
        );
    };
    if expected.dimensions() != (w, h) {
        fail(format!(
            "size {w}x{h}, reference {:?}",
            expected.dimensions()
        ));
    }
    let mut diff = image::RgbaImage::new(w, h);
    let mut bad = 0usize;
    for (i, (a, b)) in actual.pixels().zip(expected.pixels()).enumerate() {
        let d =
            a.0.iter()
                .zip(b.0.iter())
                .map(|(x, y)| x.abs_diff(*y))
                .max()
                .unwrap();
        let (x, y) = (i as u32 % w, i as u32 / w);
        if d > tol {
            bad += 1;
            diff.put_pixel(x, y, image::Rgba([255, 0, 0, 255]));
        } else {
            let g = ((a.0[0] as u32 + a.0[1] as u32 + a.0[2] as u32) / 3 / 4 + 191) as u8;
            diff.put_pixel(x, y, image::Rgba([g, g, g, 255]));
        }
    }
    let limit = (w as usize * h as usize) / 500;
    if bad > limit {
        std::fs::create_dir_all(&outdir).unwrap();
        diff.save(outdir.join(format!("{name}-diff.png"))).unwrap();
        fail(format!(
            "{bad} pixels differ by more than {tol} (limit {limit})"
        ));
    }
}

/// Render page `i` of a scene at 72 dpi-equivalent scale `s` and return RGBA bytes.
pub fn render_rgba(scene: &hotline_kit::scene::Scene, i: usize, s: f32) -> (u32, u32, Vec<u8>) {
    let pm = hotline_kit::export::png::render_at(scene, &scene.pages[i], s).unwrap();
    (pm.width(), pm.height(), pm.data().to_vec())
}

/// Decode a QR code from RGBA pixels with rqrr.
pub fn decode_qr_rgba(w: u32, h: u32, rgba: &[u8]) -> Option<String> {
    let (w, h) = (w as usize, h as usize);
    let grey: Vec<u8> = (0..w * h)
        .map(|i| {
            let p = &rgba[i * 4..i * 4 + 3];
            ((p[0] as u32 + p[1] as u32 + p[2] as u32) / 3) as u8
        })
        .collect();
    // As rendered, then at twice and at half the size: the decoder (rqrr) can miss a
    // code whose modules fall on a fraction of a pixel that a phone or zbar reads.
    [2usize, 1, 0].into_iter().find_map(|k| match k {
        2 => decode_grey(w, h, |x, y| grey[y * w + x]),
        1 => decode_grey(w * 2, h * 2, |x, y| grey[(y / 2) * w + x / 2]),
        _ => decode_grey(w / 2, h / 2, |x, y| {
            let at = |dx: usize, dy: usize| grey[(y * 2 + dy) * w + x * 2 + dx] as u32;
            ((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4) as u8
        }),
    })
}

fn decode_grey(w: usize, h: usize, px: impl FnMut(usize, usize) -> u8) -> Option<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, px);
    // Every grid the detector finds, in turn: a picture or an icon near the code can be
    // taken for a finder pattern and give a first grid that does not decode.
    img.detect_grids()
        .iter()
        .find_map(|g| g.decode().ok())
        .map(|(_, s)| s)
}

/// Make a throwaway copy of the project files a CLI test needs (Latin fonts only).
pub fn temp_project() -> tempfile::TempDir {
    temp_project_with_fonts(&["fonts.toml", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"])
}

/// A throwaway copy of the project with every font.
pub fn temp_project_all_fonts() -> tempfile::TempDir {
    let names: Vec<String> = std::fs::read_dir(root().join("fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ttf") || n == "fonts.toml")
        .collect();
    temp_project_with_fonts(&names.iter().map(String::as_str).collect::<Vec<_>>())
}

fn temp_project_with_fonts(fonts: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = root();
    copy_dir(&r.join("designs"), &dir.path().join("designs"));
    copy_dir(&r.join("locales"), &dir.path().join("locales"));
    copy_dir(&r.join("content"), &dir.path().join("content"));
    copy_dir(&r.join("jurisdictions"), &dir.path().join("jurisdictions"));
    std::fs::copy(r.join("hotline.toml"), dir.path().join("hotline.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    for f in fonts {
        std::fs::copy(r.join("fonts").join(f), dir.path().join("fonts").join(f)).unwrap();
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// The date every test runs on (`HOTLINE_KIT_TODAY`): the suite must not depend on the
/// clock (the hotline facts' age, approval dates).
pub const TODAY: &str = "2026-11-28";

/// The hotline-kit command, with the date fixed to [`TODAY`].
pub fn hotline_kit() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("hotline-kit").unwrap();
    c.env("HOTLINE_KIT_TODAY", TODAY);
    c
}

/// Run hotline-kit on a project folder (also its working folder), with a fixed date and
/// no colours.
pub fn hk(dir: &Path, args: &[&str]) -> std::process::Output {
    hotline_kit()
        .arg("--project")
        .arg(dir)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

/// Every file under `dir`, by path relative to it (`/`-separated); empty if `dir` does
/// not exist.
pub fn files_under(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Start hotline-kit on a project folder as [`hk`] does, without waiting for it
/// (standard error piped, standard output dropped).
pub fn spawn_hk(dir: &Path, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_hotline-kit"))
        .arg("--project")
        .arg(dir)
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOTLINE_KIT_TODAY", TODAY)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Replace the first `from` in a file with `to` (the file must contain it).
pub fn edit(path: impl AsRef<Path>, from: &str, to: &str) {
    let path = path.as_ref();
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

/// Remove message `id` from locale `code` of a project copy: its catalog line and its
/// review record.
pub fn remove_message(project: &Path, code: &str, id: &str) {
    let ftl = project.join(format!("locales/{code}.ftl"));
    let s = std::fs::read_to_string(&ftl).unwrap();
    let kept: Vec<&str> = s
        .lines()
        .filter(|l| !l.starts_with(&format!("{id} =")))
        .collect();
    std::fs::write(&ftl, kept.join("\n")).unwrap();
    let review = project.join(format!("locales/review/{code}.toml"));
    let r = std::fs::read_to_string(&review).unwrap();
    let start = r.find(&format!("[{id}]")).unwrap();
    let end = r[start..].find("\n\n").map_or(r.len(), |e| start + e + 2);
    std::fs::write(&review, format!("{}{}", &r[..start], &r[end..])).unwrap();
}

/// `hotline-kit check ARGS --format json` in `project`: the exit code and the
/// diagnostics.
pub fn check_json(project: &Path, args: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let o = hotline_kit()
        .arg("--project")
        .arg(project)
        .current_dir(project)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "check --format json is not JSON ({e}): {}",
            String::from_utf8_lossy(&o.stdout)
        )
    });
    (o.status.code().unwrap(), json.as_array().unwrap().clone())
}

/// The diagnostics of one check (`check` in the JSON).
pub fn of<'a>(j: &'a [serde_json::Value], code: &str) -> Vec<&'a serde_json::Value> {
    j.iter().filter(|d| d["check"] == code).collect()
}

/// A diagnostic's message.
pub fn msg(d: &serde_json::Value) -> &str {
    d["message"].as_str().unwrap()
}
