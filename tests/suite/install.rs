//! The installed tool: the binary alone, away from the source repository, in an empty
//! folder. `init clinic` makes a facility folder, and `build` there makes the same kit,
//! byte for byte, as a build in the repository; a facility file overrides a shipped
//! one (and `check` says so), except hotline.toml; nothing outside the facility folder
//! is read.
//!
//! `cargo install --path . --root TMP` would rebuild every dependency in a folder of
//! its own (many minutes on two cores), so these tests copy the binary that `cargo
//! test` has just built (from the same source, with the same features) into a temporary
//! folder outside the repository and run that copy from an empty folder: it can find
//! the shipped library only inside itself.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

/// The binary copied out of the repository, and an empty folder to work in.
struct Installed {
    bin: PathBuf,
    work: tempfile::TempDir,
    _bin_dir: tempfile::TempDir,
}

impl Installed {
    fn new() -> Self {
        let bin_dir = tempfile::tempdir().unwrap();
        let bin = bin_dir.path().join("hotline-kit");
        std::fs::copy(env!("CARGO_BIN_EXE_hotline-kit"), &bin).unwrap();
        let work = tempfile::tempdir().unwrap();
        assert!(!work.path().starts_with(common::root()));
        Self {
            bin,
            work,
            _bin_dir: bin_dir,
        }
    }

    /// The empty folder the user starts in.
    fn dir(&self) -> &Path {
        self.work.path()
    }

    /// Run the installed binary in `cwd` (relative to the work folder).
    fn run(&self, cwd: &str, args: &[&str]) -> Output {
        let mut c = std::process::Command::new(&self.bin);
        c.current_dir(self.dir().join(cwd))
            .env("HOTLINE_KIT_TODAY", common::TODAY)
            .env("NO_COLOR", "1")
            .env_remove("HOTLINE_KIT_UPDATE_REFS")
            .args(args);
        // Another test may fork while this test's copy of the binary is still open for
        // writing: exec then fails with ETXTBSY ("text file busy") for a moment.
        for _ in 0..100 {
            match c.output() {
                Err(e) if e.raw_os_error() == Some(26) => {
                    std::thread::sleep(std::time::Duration::from_millis(50))
                }
                r => return r.unwrap(),
            }
        }
        panic!("{} stayed busy", self.bin.display())
    }

    /// `init clinic`, checked.
    fn init_clinic(&self) -> PathBuf {
        let o = self.run(".", &["init", "clinic"]);
        assert!(o.status.success(), "{}", err(&o));
        self.dir().join("clinic")
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under a folder with its bytes, by relative path.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(d: &Path, base: &Path, v: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, v);
            } else {
                let rel = p.strip_prefix(base).unwrap().display().to_string();
                v.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut v);
    }
    v.sort();
    v
}

/// Two output folders hold the same files with the same bytes.
fn assert_same_kit(facility: &Path, repo: &Path) {
    let (a, b) = (files(facility), files(repo));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "different files");
    assert!(names(&a).contains(&"manifest.json".to_string()));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs between the facility and the repository build"
        );
    }
}

#[test]
fn init_then_build_in_an_empty_folder_makes_the_same_kit_as_the_repository() {
    let t = Installed::new();
    let clinic = t.init_clinic();
    let kit = std::fs::read_to_string(clinic.join("kit.toml")).unwrap();
    assert!(kit.contains("[facility]") && kit.lines().any(|l| l.starts_with('#')));
    let readme = std::fs::read_to_string(clinic.join("README.txt")).unwrap();
    assert!(readme.contains("kit.toml") && readme.contains("hotline.toml"));

    // The starter kit (en and es: the Latin fonts), then every locale of one design
    // (every font and script that ships).
    for (name, extra) in [
        ("kit", &[][..]),
        ("all", &["--design", "wallet-card", "--locale", "all"][..]),
    ] {
        let mut args = vec!["build", "--out"];
        args.push(name);
        args.extend(extra);
        let o = t.run("clinic", &args);
        assert!(o.status.success(), "facility build: {}", err(&o));
        let repo_out = t.dir().join(format!("repo-{name}"));
        let root = common::root();
        let mut args = vec![
            "--project",
            root.to_str().unwrap(),
            "--kit",
            "clinic/kit.toml",
            "build",
            "--out",
        ];
        args.push(repo_out.to_str().unwrap());
        args.extend(extra);
        let o = t.run(".", &args);
        assert!(o.status.success(), "repository build: {}", err(&o));
        let made = files(&clinic.join(name));
        assert!(made.len() > 10, "{name}: only {} files", made.len());
        assert_same_kit(&clinic.join(name), &repo_out);
    }
    // The facility folder got its kit and its render cache, nothing else.
    let names = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(&clinic),
        [".hotline-kit", "README.txt", "all", "kit", "kit.toml"]
    );
    // The cache, and the stamps of builds whose inputs were old enough to trust.
    let inside = names(&clinic.join(".hotline-kit"));
    assert!(inside.contains(&"cache".to_string()), "{inside:?}");
    assert!(
        inside.iter().all(|n| n == "cache" || n == "builds"),
        "{inside:?}"
    );
}

#[test]
fn init_refuses_to_overwrite_and_keeps_working_without_a_folder() {
    let t = Installed::new();
    let clinic = t.init_clinic();
    std::fs::write(clinic.join("kit.toml"), "[facility]\nname = \"Mine\"\n").unwrap();
    let o = t.run(".", &["init", "clinic"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("already exists"), "{}", err(&o));
    assert_eq!(
        std::fs::read_to_string(clinic.join("kit.toml")).unwrap(),
        "[facility]\nname = \"Mine\"\n"
    );
    // Plain `init` in a folder writes its kit.toml, as before.
    std::fs::create_dir(t.dir().join("plain")).unwrap();
    let o = t.run("plain", &["init"]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        std::fs::read_to_string(t.dir().join("plain/kit.toml")).unwrap(),
        hotline_kit::load::kitfile::STARTER
    );
    assert!(!t.dir().join("plain/README.txt").exists());
}

#[test]
fn a_facility_file_replaces_the_shipped_one_and_check_names_it() {
    let t = Installed::new();
    let clinic = t.init_clinic();
    let shipped = std::fs::read_to_string(common::root().join("designs/wallet-card.toml")).unwrap();
    let own = shipped.replace(
        "title = \"Wallet card, 3.5 x 2 in, two-sided\"",
        "title = \"Clinic wallet card\"",
    );
    assert_ne!(own, shipped);
    std::fs::create_dir(clinic.join("designs")).unwrap();
    std::fs::write(clinic.join("designs/wallet-card.toml"), own).unwrap();

    let o = t.run("clinic", &["list"]);
    assert!(o.status.success(), "{}", err(&o));
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(list.contains("Clinic wallet card"), "{list}");
    assert!(!list.contains("Wallet card, 3.5 x 2 in"), "{list}");
    // The other designs still come from the binary.
    assert!(list.contains("poster"), "{list}");

    let o = t.run("clinic", &["check", "--design", "wallet-card"]);
    assert!(o.status.success(), "{}", err(&o));
    let notes: Vec<&str> = std::str::from_utf8(&o.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("note:") && l.contains("built into hotline-kit"))
        .collect();
    assert_eq!(notes.len(), 1, "{}", err(&o));
    assert!(
        notes[0].contains("designs/wallet-card.toml"),
        "{}",
        notes[0]
    );
    // Without an override, check names none.
    std::fs::remove_dir_all(clinic.join("designs")).unwrap();
    let o = t.run("clinic", &["check", "--design", "wallet-card"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(!err(&o).contains("built into hotline-kit"), "{}", err(&o));
}

#[test]
fn a_facility_hotline_toml_is_refused_and_nothing_is_written() {
    let shipped = std::fs::read_to_string(common::root().join("hotline.toml")).unwrap();
    let changed = shipped.replace("1-888-373-7888", "1-888-373-7880");
    assert_ne!(changed, shipped);
    type Make = fn(&Path, &str);
    let spellings: [(&str, Make); 4] = [
        ("a changed copy", |p, text| {
            std::fs::write(p, text.replace("1-888-373-7888", "1-888-373-7880")).unwrap()
        }),
        ("an identical copy", |p, text| {
            std::fs::write(p, text).unwrap()
        }),
        ("a link", |p, _| {
            std::os::unix::fs::symlink(common::root().join("hotline.toml"), p).unwrap()
        }),
        ("a folder", |p, _| std::fs::create_dir(p).unwrap()),
    ];
    for (what, make) in spellings {
        let t = Installed::new();
        let clinic = t.init_clinic();
        make(&clinic.join("hotline.toml"), &shipped);
        let before = files(&clinic);
        for args in [
            &["build"][..],
            &["check"][..],
            &["plan", "-o", "plan.pdf"][..],
        ] {
            let o = t.run("clinic", args);
            let e = err(&o);
            assert_eq!(o.status.code(), Some(1), "{what}, {args:?}: {e}");
            assert!(
                e.contains("hotline.toml") && e.contains("may not replace"),
                "{what}, {args:?}: {e}"
            );
            assert!(
                e.contains("remove hotline.toml from"),
                "{what}, {args:?}: no fix: {e}"
            );
            assert!(!e.contains("1-888-373-7880"), "{what}: {e}");
            assert_eq!(
                files(&clinic),
                before,
                "{what}, {args:?}: something was written"
            );
        }
    }
}

#[test]
fn a_facility_folder_cannot_lead_the_tool_outside_it() {
    let secret = tempfile::tempdir().unwrap();
    let s = secret.path();
    std::fs::write(s.join("passwd"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    std::fs::create_dir(s.join("folder")).unwrap();
    std::fs::copy(
        common::root().join("designs/wallet-card.toml"),
        s.join("folder/wallet-card.toml"),
    )
    .unwrap();
    // (link in the facility folder, its target outside)
    let cases = [
        ("designs/poster.toml", "passwd"),
        ("designs/new-design.toml", "folder/wallet-card.toml"),
        ("fonts/NotoSans-Bold.ttf", "passwd"),
        ("locales/review/es.toml", "passwd"),
        ("designs", "folder"),
        ("images", "folder"),
        ("jurisdictions", "folder"),
        ("content/red-flags.toml", "passwd"),
        ("kit.toml", "passwd"),
    ];
    for (link, target) in cases {
        let t = Installed::new();
        let clinic = t.init_clinic();
        let l = clinic.join(link);
        if l.exists() {
            std::fs::remove_file(&l).unwrap();
        }
        std::fs::create_dir_all(l.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(s.join(target), &l).unwrap();
        let before = files(&clinic);
        for args in [&["check"][..], &["build"][..]] {
            let o = t.run("clinic", args);
            let e = err(&o);
            assert_eq!(o.status.code(), Some(1), "{link}, {args:?}: {e}");
            assert!(
                e.contains(link) && e.contains("symbolic link") && e.contains("outside"),
                "{link}, {args:?}: {e}"
            );
            assert!(!e.contains("root:x:0"), "{link}: quoted the secret: {e}");
            assert_eq!(files(&clinic), before, "{link}, {args:?}: wrote something");
        }
    }
    // `..` and absolute paths in what the facility folder names are refused too.
    let t = Installed::new();
    let clinic = t.init_clinic();
    std::fs::write(clinic.join("kit.toml"), "[build]\nout = \"../escaped\"\n").unwrap();
    let o = t.run("clinic", &["build"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("../escaped"), "{}", err(&o));
    assert!(!t.dir().join("escaped").exists());
}
