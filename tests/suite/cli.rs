//! The command line end to end: exit codes, diagnostics that name file, line and fix,
//! and files that are written whole or not at all.

use crate::common;

use std::path::Path;

use assert_cmd::Command;

fn kit(project: &Path) -> Command {
    let mut c = common::hotline_kit();
    c.arg("--project").arg(project).current_dir(project);
    c
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Files under a folder with their content, for before/after comparisons.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    fn walk(d: &Path, base: &Path, v: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, v);
            } else {
                v.push((
                    p.strip_prefix(base).unwrap().display().to_string(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    walk(dir, dir, &mut v);
    v.sort();
    v
}

#[test]
fn build_writes_the_kit_and_a_manifest() {
    let t = common::temp_project();
    let out = t.path().join("out");
    let o = kit(t.path())
        .args([
            "build",
            "--design",
            "stall-sticker",
            "--design",
            "tv-slides",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 14 files"), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let m = m.as_array().unwrap();
    assert_eq!(m.len(), 14); // tv-slides: 4 PNG pages per locale
    for e in m {
        let path = out.join(e["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(e["sha256"].as_str().unwrap(), hex);
        // Readable by the print shop and other staff, not private like a temp file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644, "{}", path.display());
        }
        assert_eq!(e["qr"], "tel:+18883737888");
        for k in ["design", "locale", "format"] {
            assert!(e[k].is_string());
        }
        match e["format"].as_str().unwrap() {
            "png" => assert!(e["width_px"].is_u64() && e["height_px"].is_u64()),
            "pdf" => assert!(e["width_pt"].is_number() && e["height_pt"].is_number()),
            f => panic!("unexpected format {f}"),
        }
    }
    assert!(out.join("stall-sticker/es/stall-sticker-es.pdf").exists());
    assert!(out.join("tv-slides/en/tv-slides-en-4.png").exists());
    // No temporary files left behind.
    assert!(
        snapshot(&out)
            .iter()
            .all(|(p, _)| !p.contains(".hotline-kit-"))
    );
}

#[test]
fn render_writes_one_file_and_list_shows_everything() {
    let t = common::temp_project();
    let f = t.path().join("poster-es.pdf");
    let o = kit(t.path())
        .args([
            "render", "poster", "--locale", "es", "--format", "pdf", "-o",
        ])
        .arg(&f)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&f).unwrap().starts_with(b"%PDF-"));
    let o = kit(t.path()).arg("list").output().unwrap();
    let s = String::from_utf8_lossy(&o.stdout);
    for d in [
        "poster",
        "stall-sticker",
        "window-cling",
        "window-cling-reverse",
        "wallet-card",
        "tv-slides",
        "en ",
        "es ",
    ] {
        assert!(s.contains(d), "list lacks {d}: {s}");
    }
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        &["build"][..],
        &["render"],
        &["list"],
        &["locales"],
        &["locale", "new"],
        &["scene"],
        &["bench"],
    ] {
        let o = common::hotline_kit()
            .args(cmd)
            .arg("--help")
            .output()
            .unwrap();
        assert!(o.status.success());
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(
            s.contains("Example") && s.contains("hotline-kit "),
            "{cmd:?} --help has no example:\n{s}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let o = common::hotline_kit()
        .args(["render", "poster", "--format", "gif", "-o", "x.gif"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = common::hotline_kit().arg("frobnicate").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Run a failing command; check exit 1, the message, and that nothing changed on disk.
fn fails_cleanly(t: &tempfile::TempDir, args: &[&str], needles: &[&str]) {
    let before = snapshot(t.path());
    let o = kit(t.path()).args(args).output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    for n in needles {
        assert!(err.contains(n), "{args:?}: stderr lacks {n:?}:\n{err}");
    }
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        snapshot(t.path()),
        before,
        "{args:?} changed files although it failed"
    );
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "title = \"Wallet card",
        "title = Wallet card",
    );
    fails_cleanly(&t, &["build"], &["designs/wallet-card.toml:9:", "hint:"]);
}

#[test]
fn unknown_field_is_rejected_not_ignored() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "color = \"#444444\"",
        "colour = \"#444444\"",
    );
    fails_cleanly(
        &t,
        &["build"],
        &["unknown field `colour`", "designs/poster.toml:", "hint:"],
    );
}

#[test]
fn unknown_design_and_locale() {
    let t = common::temp_project();
    fails_cleanly(
        &t,
        &["render", "postr", "-o", "x.pdf"],
        &[
            "unknown design `postr`",
            "designs: poster, safety-card, staff-badge-card",
        ],
    );
    fails_cleanly(
        &t,
        &["build", "--locale", "xx"],
        &["unknown locale `xx`", "en, es"],
    );
}

#[test]
fn missing_message_and_missing_image() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "text = \"rf-come-go\"",
        "text = \"rf-no-such-message\"",
    );
    fails_cleanly(
        &t,
        &["build"],
        &[
            "message `rf-no-such-message` is missing in locale `en`",
            "locales/en.ftl",
            "wallet-card",
        ],
    );
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "image_pick = { count = 4, kind = \"person\" }",
        "images = [\"no-such-image\"]",
    );
    fails_cleanly(
        &t,
        &["build"],
        &[
            "image `no-such-image` is not in designs/imagery/catalog.toml",
            "designs/poster.toml",
        ],
    );
}

#[test]
fn text_that_cannot_fit_says_how_much_is_over() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/stall-sticker.toml"),
        "text = \"safety-line\"\nsize = [\"8pt\", \"9pt\"]",
        "text = \"safety-line\"\nsize = [\"16pt\", \"20pt\"]",
    );
    fails_cleanly(
        &t,
        &["build"],
        &["slot `safety` of design `stall-sticker`", "over)", "hint:"],
    );
}

#[test]
fn a_typed_number_in_a_translation_is_refused() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/es.ftl"),
        "O envíe un mensaje de texto al { $sms }",
        "O llame al 1-888-373-7788",
    );
    fails_cleanly(
        &t,
        &["build"],
        &[
            "1-888-373-7788",
            "look-alike",
            "locales/es.ftl:",
            "`text-line`",
        ],
    );
    // A number that is nobody's is refused as well.
    common::edit(
        t.path().join("locales/es.ftl"),
        "O llame al 1-888-373-7788",
        "O llame al 1-800-555-0199",
    );
    fails_cleanly(&t, &["build"], &["1-800-555-0199", "not a hotline number"]);
}

#[test]
fn a_qr_code_too_small_to_scan_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "columns = [2, 1]",
        "columns = [2, \"0.4in\"]",
    );
    fails_cleanly(
        &t,
        &["build", "--design", "wallet-card"],
        &["QR code", "wallet-card", "smallest that scans"],
    );
}

#[test]
fn unwritable_output_fails_without_touching_anything() {
    let t = common::temp_project();
    std::fs::write(t.path().join("afile"), b"x").unwrap();
    fails_cleanly(
        &t,
        &["build", "--out", "afile/sub"],
        &["cannot write", "--out"],
    );
    fails_cleanly(
        &t,
        &["render", "poster", "-o", "afile/poster.pdf"],
        &["cannot write"],
    );
}

#[test]
fn a_failed_build_never_replaces_a_good_one() {
    let t = common::temp_project();
    let out = t.path().join("out");
    let o = kit(t.path())
        .args(["build", "--design", "wallet-card", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let good = snapshot(&out);
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "size = [\"14pt\", \"22pt\"]",
        "size = [\"80pt\", \"90pt\"]",
    );
    fails_cleanly(
        &t,
        &["build", "--design", "wallet-card", "--out", "out"],
        &["does not fit"],
    );
    assert_eq!(snapshot(&out), good);
}

#[test]
fn qr_payload_is_selectable_and_builds_are_identical_across_processes() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "qr = \"tel\"",
        "qr = \"sms\"",
    );
    for out in ["a", "b"] {
        let o = kit(t.path())
            .args([
                "build",
                "--design",
                "wallet-card",
                "--design",
                "tv-slides",
                "--format",
                "png",
                "--format",
                "pdf",
                "--format",
                "svg",
                "--out",
                out,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let a = std::fs::read(t.path().join("a/manifest.json")).unwrap();
    let b = std::fs::read(t.path().join("b/manifest.json")).unwrap();
    assert_eq!(a, b, "two builds differ");
    let m: serde_json::Value = serde_json::from_slice(&a).unwrap();
    for e in m.as_array().unwrap() {
        let want = if e["design"] == "wallet-card" {
            "sms:233733?body=HELP"
        } else {
            "tel:+18883737888"
        };
        assert_eq!(e["qr"], want);
        if e["format"] == "png" {
            let (w, h, rgba) = common::decode_png(
                &std::fs::read(t.path().join("a").join(e["path"].as_str().unwrap())).unwrap(),
            );
            let got = common::decode_qr_rgba(w, h, &rgba);
            // The slides show their QR code on the help slide only (`qr_pages = 1`).
            let path = e["path"].as_str().unwrap();
            if e["design"] == "tv-slides" && !path.ends_with("-4.png") {
                assert_eq!(got, None, "{path}");
            } else {
                assert_eq!(got.as_deref(), Some(want), "{path}");
            }
        }
    }
}

#[test]
fn render_writes_exactly_the_named_file() {
    let t = common::temp_project();
    let o = kit(t.path())
        .args([
            "render",
            "stall-sticker",
            "--format",
            "png",
            "-o",
            "card.image",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read(t.path().join("card.image"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
    let o = kit(t.path())
        .args(["render", "tv-slides", "-o", "slides/slide.png"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for i in 1..=4 {
        assert!(t.path().join(format!("slides/slide-{i}.png")).exists());
    }
}

#[test]
fn locale_new_scaffolds_an_untranslated_catalog_that_builds_marked() {
    let t = common::temp_project_all_fonts();
    let o = kit(t.path())
        .args([
            "locale", "new", "pl", "--name", "Polish", "--native", "Polski",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        t.path().join("locales/pl.ftl").exists()
            && t.path().join("locales/review/pl.toml").exists()
    );
    let o = kit(t.path()).arg("locales").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let table = String::from_utf8_lossy(&o.stdout);
    let line = table
        .lines()
        .find(|l| l.starts_with("pl "))
        .unwrap_or_else(|| panic!("{table}"));
    // locale, native, script, dir, present, missing, untranslated, ...
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cols[1], "Polski", "{line}");
    assert_eq!(
        (cols[5], cols[6]),
        ("0", cols[4]),
        "every message present and untranslated: {line}"
    );
    for code in ["ar", "zh-Hans", "hi", "vi"] {
        assert!(
            table
                .lines()
                .any(|l| l.starts_with(code) && l.ends_with("ok")),
            "{code}: {table}"
        );
    }
    let o = kit(t.path())
        .args([
            "build",
            "--locale",
            "pl",
            "--design",
            "stall-sticker",
            "--format",
            "pdf",
            "--out",
            "o",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("o/manifest.json")).unwrap()).unwrap();
    assert_eq!(m[0]["review"], "untranslated");
    assert!(
        m[0]["draft"]
            .as_str()
            .unwrap()
            .contains("untranslated text")
    );
    // A second time is refused, and nothing changes.
    fails_cleanly(
        &t,
        &[
            "locale", "new", "pl", "--name", "Polish", "--native", "Polski",
        ],
        &["already exists"],
    );
    fails_cleanly(
        &t,
        &["locale", "new", "Polish!", "--name", "x", "--native", "x"],
        &["not a locale code"],
    );
}

#[test]
fn a_missing_message_fails_unless_fallback_is_allowed_and_then_it_is_marked() {
    let t = common::temp_project();
    common::remove_message(t.path(), "es", "text-label");
    fails_cleanly(
        &t,
        &["build", "--locale", "es", "--design", "wallet-card"],
        &[
            "message `text-label` is missing in locale `es`",
            "--fallback",
        ],
    );
    let o = kit(t.path())
        .args([
            "build",
            "--locale",
            "es",
            "--design",
            "wallet-card",
            "--fallback",
            "en",
            "--out",
            "o",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("o/manifest.json")).unwrap()).unwrap();
    assert_eq!(m[0]["fell_back"][0], "text-label");
    assert!(
        m[0]["draft"]
            .as_str()
            .unwrap()
            .contains("in English: text-label"),
        "{}",
        m[0]["draft"]
    );
}

#[test]
fn catalog_errors_name_file_and_line() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/es.ftl"),
        "call-label = ",
        "call-label = {",
    );
    fails_cleanly(&t, &["build"], &["locales/es.ftl:", "catalog syntax error"]);
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/es.ftl"),
        "call-label = Llame gratis",
        "call-label = Llame gratis 🧿",
    );
    fails_cleanly(
        &t,
        &["build", "--locale", "es"],
        &["U+1F9FF", "call-label", "locales/es.ftl:"],
    );
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/review/es.toml"),
        "[call-label]",
        "[call-labels]",
    );
    fails_cleanly(
        &t,
        &["build"],
        &["review record for `call-labels`", "locales/review/es.toml:"],
    );
}

#[test]
fn an_unknown_file_extension_names_the_formats_each_command_takes() {
    let t = common::temp_project();
    let o = common::hk(
        t.path(),
        &["render", "poster", "--locale", "en", "-o", "p.jpg"],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("cannot tell the format of p.jpg"), "{e}");
    assert!(
        e.contains("pass --format pdf|png|svg, or end the file name in .pdf, .png, .svg"),
        "{e}"
    );
    let o = common::hk(t.path(), &["video", "--locale", "en", "-o", "loop.avi"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("pass --format mp4|html|png, or end the file name in .mp4, .html, .png"),
        "{e}"
    );
    // Case does not matter, and .htm is an HTML loop.
    let o = common::hk(t.path(), &["video", "--locale", "en", "-o", "loop.HTM"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(t.path().join("loop.html").exists());
    assert!(!t.path().join("p.jpg").exists() && !t.path().join("loop.avi").exists());
}
