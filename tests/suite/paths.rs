//! Nothing outside the project is read, and a kit file writes only inside it; files that
//! are not UTF-8 are reported by line and column.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use hotline_kit::base::assets::{Assets, FsAssets};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A secret outside the project, and a link to it at `link` (relative to the project).
fn link_out(project: &Path, secret_dir: &Path, link: &str, target: &str) {
    let l = project.join(link);
    if l.exists() {
        if l.is_dir() {
            std::fs::remove_dir_all(&l).unwrap();
        } else {
            std::fs::remove_file(&l).unwrap();
        }
    }
    std::os::unix::fs::symlink(secret_dir.join(target), l).unwrap();
}

/// Each spelling of a link that leads outside: refused by `check` and `build` with a
/// message naming the link and saying it leads outside, and nothing is written.
#[test]
fn links_leading_outside_the_project_are_refused_before_anything_is_read() {
    let secret = tempfile::tempdir().unwrap();
    let s = secret.path();
    std::fs::write(s.join("passwd"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    // A real-looking folder outside, for linked folders.
    std::fs::create_dir_all(s.join("locales-outside/review")).unwrap();
    for f in ["en.ftl", "es.ftl", "locales.toml"] {
        std::fs::copy(
            common::root().join("locales").join(f),
            s.join("locales-outside").join(f),
        )
        .unwrap();
    }
    std::fs::write(s.join("chain-2"), "x").unwrap();
    std::os::unix::fs::symlink(s.join("chain-2"), s.join("chain-1")).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        // (link in the project, its target outside, what the message names)
        ("locales/es.ftl", "passwd", "locales/es.ftl"),
        ("designs/evil.toml", "passwd", "designs/evil.toml"),
        (
            "fonts/NotoSans-Bold.ttf",
            "passwd",
            "fonts/NotoSans-Bold.ttf",
        ),
        (
            "content/red-flags.toml",
            "chain-1",
            "content/red-flags.toml",
        ),
        ("locales", "locales-outside", "locales"),
        (
            "jurisdictions/us-xx.toml",
            "passwd",
            "jurisdictions/us-xx.toml",
        ),
        ("images", "locales-outside", "images"),
        ("hotline.toml", "passwd", "hotline.toml"),
    ];
    for (link, target, named) in cases {
        let t = common::temp_project();
        let p = t.path();
        std::fs::create_dir_all(p.join(link).parent().unwrap()).unwrap();
        link_out(p, s, link, target);
        for args in [&["check"][..], &["build", "--out", "out"][..]] {
            let o = common::hk(p, args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{link}: {err}");
            assert!(
                err.contains(&format!("{named} is a symbolic link to"))
                    && err.contains("outside the project folder"),
                "{link}: {err}"
            );
            assert!(
                !err.contains("root:x:0"),
                "{link}: the secret was read: {err}"
            );
            assert!(!p.join("out").exists(), "{link}: wrote output");
        }
    }
}

#[test]
fn a_linked_parent_folder_is_refused_by_every_read() {
    let secret = tempfile::tempdir().unwrap();
    std::fs::create_dir(secret.path().join("d")).unwrap();
    std::fs::write(secret.path().join("d/poster.toml"), "secret").unwrap();
    let t = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(secret.path().join("d"), t.path().join("designs")).unwrap();
    // A link inside the project pointing back into it is fine.
    std::fs::create_dir(t.path().join("store")).unwrap();
    std::fs::write(t.path().join("store/hotline.toml"), "inside").unwrap();
    std::os::unix::fs::symlink("store/hotline.toml", t.path().join("hotline.toml")).unwrap();
    let a = FsAssets::new(t.path());
    let e = a.read("designs/poster.toml").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
    assert!(
        e.to_string().contains("`designs`, a symbolic link to"),
        "{e}"
    );
    assert!(a.list("designs").is_err());
    assert_eq!(a.read("hotline.toml").unwrap(), b"inside");
    assert!(a.read("../etc/passwd").is_err() && a.read("/etc/passwd").is_err());
    assert_eq!(a.escapes().len(), 1);
    assert_eq!(a.escapes()[0].rel, "designs");
    // Loading refuses the project as a whole.
    let err = match hotline_kit::load::project::Project::load(Arc::new(a)) {
        Ok(_) => panic!("loaded a project with a linked designs folder"),
        Err(d) => d,
    };
    assert!(
        err.0[0].message.contains("designs is a symbolic link"),
        "{err:?}"
    );
}

#[test]
fn links_that_stay_inside_the_project_work() {
    let t = common::temp_project();
    let p = t.path();
    std::fs::create_dir(p.join("store")).unwrap();
    std::fs::rename(p.join("fonts/NotoSans-Bold.ttf"), p.join("store/bold.ttf")).unwrap();
    std::os::unix::fs::symlink("../store/bold.ttf", p.join("fonts/NotoSans-Bold.ttf")).unwrap();
    let o = common::hk(p, &["build", "--design", "wallet-card", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn kit_out_is_relative_to_the_kit_file_and_stays_inside_the_project() {
    let t = common::temp_project();
    let p = t.path();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), p.join("linked")).unwrap();
    let abs = elsewhere.path().join("abs").display().to_string();
    // Beside the project: a name no other test run uses.
    let beside = format!("../{}-escape", p.file_name().unwrap().to_string_lossy());
    for out in [
        beside.as_str(),
        "~/Documents",
        abs.as_str(),
        "linked/out",
        "out/../../x",
    ] {
        std::fs::write(p.join("kit.toml"), format!("[build]\nout = \"{out}\"\n")).unwrap();
        let o = common::hk(p, &["build", "--design", "wallet-card"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{out}: {err}");
        assert!(
            err.contains(&format!("out = \"{out}\"")) && err.contains("kit.toml"),
            "{out}: {err}"
        );
        assert!(err.contains("--out"), "{out}: no hint: {err}");
        assert!(!p.join(&beside).exists());
        assert_eq!(
            std::fs::read_dir(elsewhere.path()).unwrap().count(),
            0,
            "{out}"
        );
    }
    // Relative to the kit file, not the current folder.
    std::fs::write(p.join("kit.toml"), "[build]\nout = \"made\"\n").unwrap();
    std::fs::create_dir(p.join("sub")).unwrap();
    let o = assert_cmd::Command::cargo_bin("hotline-kit")
        .unwrap()
        .args(["--project", "..", "build", "--design", "wallet-card"])
        .current_dir(p.join("sub"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(p.join("made/manifest.json").exists() && !p.join("sub/made").exists());
    // The command line may say so explicitly.
    let target = elsewhere.path().join("explicit");
    let o = assert_cmd::Command::cargo_bin("hotline-kit")
        .unwrap()
        .arg("--project")
        .arg(p)
        .args(["build", "--design", "wallet-card", "--out"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(target.join("manifest.json").exists());
}

#[test]
fn a_file_that_is_not_utf8_is_named_by_line_and_column_not_as_missing() {
    for (rel, anchor) in [
        ("locales/es.ftl", "\n"),
        ("hotline.toml", "\n"),
        ("designs/wallet-card.toml", "\n"),
        ("kit.toml", ""),
        ("locales/review/es.toml", "\n"),
    ] {
        let t = common::temp_project();
        let p = t.path().join(rel);
        let mut text = std::fs::read(&p).unwrap_or_default();
        text.extend_from_slice(anchor.as_bytes());
        let line = text.iter().filter(|&&b| b == b'\n').count() + 1;
        text.extend_from_slice("# café ".as_bytes());
        text.push(0xE9); // Latin-1 é
        text.extend_from_slice(b"\n");
        std::fs::write(&p, text).unwrap();
        let o = common::hk(t.path(), &["check", "--design", "wallet-card"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{rel}: {err}");
        assert!(
            err.contains(&format!("line {line}, column 8")) && err.contains("0xE9"),
            "{rel}: {err}"
        );
        assert!(err.contains("save the file as UTF-8"), "{rel}: {err}");
        for missing in [
            "needs a catalog",
            "needs a review file",
            "run hotline-kit from",
            "init` writes one",
            "byte index",
            "from index",
        ] {
            assert!(!err.contains(missing), "{rel}: says {missing:?}: {err}");
        }
    }
}
