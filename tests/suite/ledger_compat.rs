//! Approvals recorded before a change of the program's structure still approve the same
//! pieces: the content hash depends on the bytes of what a piece is made of and on its
//! laid-out pages, not on how the program is built.
//!
//! `fixtures/ledger-before-layers.toml` was first written by `hotline-kit approve` at
//! commit 0b43355, before the source moved into layer folders, and recorded anew for
//! issue 18 (the wallet card and the poster changed on purpose: lockup, icons, spacing)
//! and again for issue 20 (their colours gained print values; stock and placement lines).
//! When a piece it names changes on purpose (new wording, a new design), that piece is
//! a draft again, as it should be: record the approval anew with the new version and
//! replace the fixture.

use crate::common;

fn status(dir: &std::path::Path) -> serde_json::Value {
    let o = common::hk(dir, &["status", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn a_ledger_written_before_the_restructuring_still_approves_its_pieces() {
    let t = common::temp_project();
    let d = t.path();
    let fixture = common::root().join("tests/fixtures/ledger-before-layers.toml");
    let ledger = std::fs::read_to_string(&fixture).unwrap();
    std::fs::create_dir_all(d.join("reviews")).unwrap();
    std::fs::write(d.join("reviews/approvals.toml"), &ledger).unwrap();
    let st = status(d);
    let pieces = st["pieces"].as_array().unwrap();
    let find = |design: &str, locale: &str| {
        pieces
            .iter()
            .find(|p| p["design"] == design && p["locale"] == locale)
            .unwrap_or_else(|| panic!("no {design} ({locale}) in {st}"))
    };
    // Every approval in the old ledger names a piece whose hash is still the same.
    let mut checked = 0;
    for block in ledger.split("[[approval]]").skip(1) {
        let field = |k: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{k} = \"")))
                .and_then(|v| v.strip_suffix('"'))
                .unwrap()
                .to_string()
        };
        let p = find(&field("design"), &field("locale"));
        assert_eq!(p["hash"], field("hash"), "{p}");
        assert_eq!(p["status"], "approved", "{p}");
        checked += 1;
    }
    assert_eq!(checked, 3);
    // And what they meant for print: English approved pieces are printable, the Spanish
    // card still waits for its translation review, unapproved pieces stay drafts.
    assert_eq!(find("wallet-card", "en")["printable"], true);
    assert_eq!(find("poster", "en")["printable"], true);
    assert_eq!(find("wallet-card", "es")["printable"], false);
    assert_eq!(find("poster", "es")["status"], "draft");
}
