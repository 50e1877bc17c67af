//! The survivor advisory board's rule (`[review]` in kit.toml), requests for changes,
//! decisions bound to the hash the reviewer saw, and the approvals ledger written safely
//! by several processes at once.

use crate::common;

use std::path::Path;
use std::process::Output;

use hotline_kit::products::approvals::{Decision, Reviewer};

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = common::hk(dir, args);
    assert!(o.status.success(), "{args:?}: {}", text(&o));
    text(&o)
}

fn approve(dir: &Path, by: &str, role: &str) -> String {
    ok(
        dir,
        &[
            "approve", "poster", "--locale", "en", "--by", by, "--role", role,
        ],
    )
}

fn request(dir: &Path, by: &str, reason: &str) -> String {
    ok(
        dir,
        &[
            "approve",
            "poster",
            "--locale",
            "en",
            "--by",
            by,
            "--request-changes",
            "--reason",
            reason,
        ],
    )
}

/// The poster in English, as `status --format json` reports it.
fn poster(dir: &Path) -> serde_json::Value {
    let o = common::hk(
        dir,
        &[
            "status", "--format", "json", "--design", "poster", "--locale", "en",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let st: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    st["pieces"][0].clone()
}

fn status_text(dir: &Path) -> String {
    ok(dir, &["status", "--design", "poster", "--locale", "en"])
}

/// Whether `build --final` makes the English poster.
fn final_builds(dir: &Path) -> bool {
    let o = common::hk(
        dir,
        &[
            "build", "--final", "--design", "poster", "--locale", "en", "--out", "print",
        ],
    );
    if !o.status.success() {
        assert!(text(&o).contains("not approved for print"), "{}", text(&o));
    }
    o.status.success()
}

fn ledger(dir: &Path) -> hotline_kit::review::Ledger {
    hotline_kit::review::Ledger::load(&dir.join("reviews/approvals.toml")).unwrap()
}

#[test]
fn concurrent_approvals_from_several_processes_all_land() {
    let t = common::temp_project();
    let d = t.path();
    let pieces: Vec<(&str, &str)> = ["poster", "wallet-card", "stall-sticker", "window-cling"]
        .into_iter()
        .flat_map(|design| ["en", "es"].map(|l| (design, l)))
        .collect();
    let children: Vec<_> = pieces
        .iter()
        .enumerate()
        .map(|(i, (design, locale))| {
            std::process::Command::new(env!("CARGO_BIN_EXE_hotline-kit"))
                .env("HOTLINE_KIT_TODAY", common::TODAY)
                .env("NO_COLOR", "1")
                .current_dir(d)
                .args(["--project", ".", "approve", design, "--locale", locale])
                .args(["--by", &format!("Reviewer {i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", text(&o));
    }
    let l = ledger(d);
    assert_eq!(l.approval.len(), pieces.len(), "{l:?}");
    for (i, (design, locale)) in pieces.iter().enumerate() {
        assert!(
            l.approval.iter().any(|a| a.design == *design
                && a.locale == *locale
                && a.by == format!("Reviewer {i}")),
            "approval of {design} ({locale}) was lost"
        );
    }
    // No temporary file is left beside the ledger.
    let names: Vec<String> = std::fs::read_dir(d.join("reviews"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("tmp")),
        "temporary files left: {names:?}"
    );
}

#[test]
fn writers_in_threads_all_land_under_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reviews/approvals.toml");
    std::thread::scope(|s| {
        for i in 0..8 {
            let path = &path;
            s.spawn(move || {
                hotline_kit::products::ledger_file::update(path, |l| {
                    // Take time between reading and writing, as a layout would.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    l.approval.push(hotline_kit::review::Approval {
                        design: "poster".into(),
                        locale: format!("l{i}"),
                        by: format!("R{i}"),
                        role: "survivor advisory board".into(),
                        date: common::TODAY.into(),
                        note: String::new(),
                        hash: "sha256:0".into(),
                        inputs: Default::default(),
                    });
                    Ok(((), true))
                })
                .unwrap();
            });
        }
    });
    let l = hotline_kit::review::Ledger::load(&path).unwrap();
    let mut who: Vec<&str> = l.approval.iter().map(|a| a.by.as_str()).collect();
    who.sort();
    assert_eq!(who, ["R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
}

#[test]
fn two_approvals_from_the_named_role_are_needed() {
    let t = common::temp_project();
    let d = t.path();
    std::fs::write(
        d.join("kit.toml"),
        "[review]\napprovals = 2\nroles = [\"survivor leader\"]\n",
    )
    .unwrap();
    let out = approve(d, "Ana", "survivor leader");
    assert!(out.contains("1 of 2 approvals"), "{out}");
    let p = poster(d);
    assert_eq!(p["status"], "pending", "{p}");
    assert_eq!(p["printable"], false);
    assert_eq!(p["approvals"], 1);
    assert_eq!(p["needed"], 2);
    assert!(
        p["draft"].as_str().unwrap().contains("1 of 2 approvals"),
        "{p}"
    );
    let st = status_text(d);
    assert!(
        st.contains("poster (en): 1 of 2 approvals (needs survivor leader)"),
        "{st}"
    );
    assert!(!final_builds(d));

    // The same reviewer again (spelt differently) does not count twice, and is not
    // written twice.
    let before = std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap();
    let out = approve(d, " ana ", "Survivor Leader");
    assert!(out.contains("counts once"), "{out}");
    assert_eq!(
        std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap(),
        before
    );
    assert_eq!(poster(d)["approvals"], 1);

    // Another role does not count.
    let out = approve(d, "Bo", "translator");
    assert!(out.contains("do not count"), "{out}");
    assert_eq!(poster(d)["status"], "pending");
    assert!(!final_builds(d));

    // A second survivor leader: approved, printable, final.
    approve(d, "Cy", "survivor leader");
    let p = poster(d);
    assert_eq!(p["status"], "approved", "{p}");
    assert_eq!(p["printable"], true, "{p}");
    assert_eq!(p["approved_by"], "Cy");
    assert!(final_builds(d));
}

#[test]
fn a_request_for_changes_keeps_a_draft_until_answered() {
    let t = common::temp_project();
    let d = t.path();
    approve(d, "Ana", "survivor advisory board");
    assert_eq!(poster(d)["status"], "approved");

    // Without a reason, nothing is recorded.
    let before = std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap();
    let o = common::hk(
        d,
        &[
            "approve",
            "poster",
            "--locale",
            "en",
            "--by",
            "Bo",
            "--request-changes",
            "--reason",
            " ",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("needs a reason"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap(),
        before
    );

    request(d, "Bo", "The number is too small\nto read from the door.");
    let p = poster(d);
    assert_eq!(p["status"], "requested", "{p}");
    assert_eq!(p["printable"], false);
    assert_eq!(p["requests"][0]["by"], "Bo");
    let st = status_text(d);
    assert!(
        st.contains(&format!(
            "poster (en): changes requested by Bo on {}: The number is too small to read from the door.",
            common::TODAY
        )),
        "{st}"
    );
    assert!(!final_builds(d));
    // The ledger keeps it, and still reads as a ledger.
    let l = ledger(d);
    assert_eq!(l.request.len(), 1);
    assert_eq!(l.request[0].hash, p["hash"].as_str().unwrap());

    // The same reviewer approving the same content afterwards closes the request.
    approve(d, "Bo", "survivor advisory board");
    assert_eq!(poster(d)["status"], "approved");
    assert!(final_builds(d));

    // A new request, then the content changes: the request is closed, and the piece
    // is changed since approval.
    request(d, "Cy", "Say who answers.");
    assert_eq!(poster(d)["status"], "requested");
    common::edit(
        d.join("locales/en.ftl"),
        "poster-headline = ",
        "poster-headline = Please read: ",
    );
    let p = poster(d);
    assert_eq!(p["status"], "changed", "{p}");
    assert!(p.get("requests").is_none(), "{p}");

    // A kit whose board does not let open requests block.
    approve(d, "Ana", "survivor advisory board");
    request(d, "Cy", "Still too small.");
    assert_eq!(poster(d)["status"], "requested");
    std::fs::write(
        d.join("kit.toml"),
        "[review]\nopen_requests_block = false\n",
    )
    .unwrap();
    let p = poster(d);
    assert_eq!(p["status"], "approved", "{p}");
    assert_eq!(p["printable"], true);
}

fn selection(design: &str, locales: &[&str]) -> hotline_kit::products::kit::Selection {
    hotline_kit::products::kit::Selection {
        designs: vec![design.into()],
        locales: locales.iter().map(|l| l.to_string()).collect(),
        // Part of a kit, as the command line makes it when a design is named: the kit's
        // diversity is checked on the whole kit.
        partial: true,
        ..Default::default()
    }
}

fn reviewer(by: &str) -> Reviewer {
    Reviewer {
        by: by.into(),
        role: "survivor advisory board".into(),
        note: String::new(),
        date: common::TODAY.into(),
    }
}

#[test]
fn decide_refuses_a_hash_the_piece_does_not_have_and_writes_nothing() {
    let p = common::project();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reviews/approvals.toml");
    let sel = selection("poster", &["en"]);
    let queue = hotline_kit::products::approvals::review_queue(&p, &sel, &path).unwrap();
    assert_eq!(queue.len(), 1);
    assert!(queue[0].waiting);
    let hash = queue[0].piece.hash.clone();
    let mut forged = hash.clone();
    forged.replace_range(
        hash.len() - 1..,
        if hash.ends_with('0') { "1" } else { "0" },
    );
    for decision in [
        Decision::Approve,
        Decision::RequestChanges {
            reason: "too small".into(),
        },
    ] {
        let e = hotline_kit::products::approvals::decide(
            &p,
            &sel,
            &path,
            &reviewer("Ana"),
            decision,
            Some(&forged),
        )
        .unwrap_err();
        assert!(
            format!("{e:?}").contains("not the content that was reviewed"),
            "{e:?}"
        );
        assert!(!path.exists(), "a refused decision wrote the ledger");
    }
    // Any text as the hash seen (a forged form field) is refused, never a crash.
    for seen in ["", "sha256:aéééééééééé", "\u{1b}[2J"] {
        assert!(
            hotline_kit::products::approvals::decide(
                &p,
                &sel,
                &path,
                &reviewer("Ana"),
                Decision::Approve,
                Some(seen)
            )
            .is_err()
        );
    }
    assert!(!path.exists());
    // One piece at a time.
    let two = selection("poster", &["en", "es"]);
    assert!(
        hotline_kit::products::approvals::decide(
            &p,
            &two,
            &path,
            &reviewer("Ana"),
            Decision::Approve,
            Some(&hash)
        )
        .is_err()
    );
    assert!(!path.exists());

    // The hash the reviewer saw: recorded, and the queue says so.
    let out = hotline_kit::products::approvals::decide(
        &p,
        &sel,
        &path,
        &reviewer("Ana"),
        Decision::RequestChanges {
            reason: "too small".into(),
        },
        Some(&hash),
    )
    .unwrap();
    assert!(out.pieces[0].recorded);
    assert_eq!(out.pieces[0].state.word(), "requested");
    let queue = hotline_kit::products::approvals::review_queue(&p, &sel, &path).unwrap();
    assert_eq!(queue[0].requests.len(), 1);
    assert_eq!(queue[0].requests[0].reason, "too small");
    let out = hotline_kit::products::approvals::decide(
        &p,
        &sel,
        &path,
        &reviewer("Ana"),
        Decision::Approve,
        Some(&hash),
    )
    .unwrap();
    assert_eq!(out.pieces[0].state.word(), "approved");
    let queue = hotline_kit::products::approvals::review_queue(&p, &sel, &path).unwrap();
    assert!(!queue[0].waiting);
    assert!(queue[0].requests.is_empty());
    assert_eq!(queue[0].approvals[0].by, "Ana");
}

#[test]
fn a_malformed_review_section_names_its_line() {
    let t = common::temp_project();
    let d = t.path();
    for (kit, line, says) in [
        ("[review]\napprovals = 0\n", 2, "at least one approval"),
        (
            "[build]\nlocales = [\"en\"]\n\n[review]\napproval = 2\n",
            5,
            "no setting `approval`",
        ),
        (
            "[review]\nroles = \"survivor leader\"\n",
            2,
            "not a list of roles",
        ),
        ("[review]\nroles = []\n", 2, "no approval could ever count"),
        (
            "[review]\napprovals = \"2\"\n",
            2,
            "not a number of approvals",
        ),
        (
            "[review]\napprovals = 2\nopen_requests_block = \"yes\"\n",
            3,
            "true or false",
        ),
    ] {
        std::fs::write(d.join("kit.toml"), kit).unwrap();
        let o = common::hk(d, &["status"]);
        let e = text(&o);
        assert_eq!(o.status.code(), Some(1), "{kit}: {e}");
        assert!(e.contains(says), "{kit}: {e}");
        assert!(e.contains(&format!("kit.toml:{line}:")), "{kit}: {e}");
        assert!(e.contains("hint: "), "{kit}: {e}");
    }
}
