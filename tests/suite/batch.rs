//! `hotline-kit batch`: a kit per facility of a sheet, end to end from the command
//! line; bad rows and failed facilities leave nothing of theirs behind; shards and
//! `batch-merge` give what one run gives; a second run changes nothing.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::hk;

const HEADER: &str = "id,name,languages,county_language,jurisdiction,qr,stalls,resource_name,resource_phone,resource_note";

/// A facility folder (the library comes from the binary) in a temporary folder.
fn facility() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let o = hk(t.path(), &["init", "fac"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dir = t.path().join("fac");
    (t, dir)
}

fn sheet(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut text = format!("{HEADER}\r\n");
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Run batch (small: two designs, PDF and PNG); (success, standard error).
fn batch(dir: &Path, args: &[&str]) -> (bool, String) {
    let mut all = vec!["batch"];
    all.extend(args);
    all.extend(["--design", "stall-sticker", "--design", "wallet-card"]);
    let o = hk(dir, &all);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn summary(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

const GOOD: &[&str] = &[
    "north-clinic,North Clinic (fictional),en; es,,,tel,4,North Help Line (fictional),510-555-0111,Mon-Fri",
    "south-er,South Emergency (fictional),en es vi,,,sms,9,,,",
    "east-care,\"East Care, Main Campus (fictional)\",\"en, es\",,,,2,,,",
];

/// Every file a facility's manifest lists is there with its SHA-256, and the zip holds
/// the same files.
fn check_facility(folder: &Path) -> Vec<serde_json::Value> {
    let m = summary(&folder.join("manifest.json"));
    let entries = m.as_array().unwrap().clone();
    for e in &entries {
        let path = e["path"].as_str().unwrap();
        let bytes = std::fs::read(folder.join(path)).unwrap();
        assert_eq!(
            hotline_kit::base::hash::digest(&bytes),
            e["sha256"].as_str().unwrap(),
            "{path}"
        );
    }
    let id = folder.file_name().unwrap().to_string_lossy().into_owned();
    let zip = std::fs::read(folder.join(format!("{id}.zip"))).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    for e in entries
        .iter()
        .filter(|e| !e["path"].as_str().unwrap().ends_with(".zip"))
    {
        let path = e["path"].as_str().unwrap();
        let mut f = z.by_name(path).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        assert_eq!(
            bytes,
            std::fs::read(folder.join(path)).unwrap(),
            "{path} in the zip"
        );
    }
    assert!(z.by_name("manifest.json").is_ok());
    entries
}

#[test]
fn every_facility_gets_its_kit_plan_and_zip() {
    let (_t, dir) = facility();
    let s = sheet(&dir, "f.csv", GOOD);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    assert!(err.contains("3 facilities: 3 built"), "{err}");
    let sum = summary(&dir.join("kits/batch.json"));
    let fs = sum["facilities"].as_array().unwrap();
    assert_eq!(fs.len(), 3);
    for (f, (id, langs, qr)) in fs.iter().zip([
        ("north-clinic", vec!["en", "es"], "tel:"),
        ("south-er", vec!["en", "es", "vi"], "sms"),
        ("east-care", vec!["en", "es"], "tel:"),
    ]) {
        assert_eq!(f["id"], id);
        assert_eq!(f["status"], "built");
        let entries = check_facility(&dir.join("kits").join(id));
        let locales: std::collections::BTreeSet<&str> = entries
            .iter()
            .filter_map(|e| e["locale"].as_str())
            .filter(|l| !l.is_empty())
            .collect();
        let want: std::collections::BTreeSet<&str> = langs.iter().copied().collect();
        assert_eq!(locales, want, "{id}");
        // The row's QR target is on every piece.
        for e in entries.iter().filter(|e| e["format"] == "png") {
            assert!(
                e["qr"]
                    .as_str()
                    .unwrap()
                    .to_ascii_lowercase()
                    .starts_with(qr),
                "{id}: {}",
                e["qr"]
            );
            let png =
                std::fs::read(dir.join("kits").join(id).join(e["path"].as_str().unwrap())).unwrap();
            let (w, h, rgba) = common::decode_png(&png);
            assert_eq!(
                common::decode_qr_rgba(w, h, &rgba).as_deref(),
                e["qr"].as_str()
            );
        }
        assert!(entries.iter().any(|e| e["path"] == "plan.pdf"));
    }
    // The plan names the facility, the row it was made from and its folder.
    let plan =
        common::pdftext::extract(&std::fs::read(dir.join("kits/north-clinic/plan.pdf")).unwrap());
    assert!(plan.contains("North Clinic (fictional)"), "{plan}");
    assert!(plan.contains("f.csv, row 2"), "{plan}");
    assert!(plan.contains("the folder this plan is in"), "{plan}");
    assert!(
        plan.contains("stall-sticker/en/: stall-sticker-en.pdf"),
        "{plan}"
    );
    assert!(!plan.contains("kits/"), "{plan}");
    // The local resource is printed on north-clinic's wallet card only.
    let text = |id: &str| {
        common::pdftext::extract(
            &std::fs::read(dir.join(format!("kits/{id}/wallet-card/en/wallet-card-en.pdf")))
                .unwrap(),
        )
    };
    assert!(text("north-clinic").contains("510-555-0111"));
    assert!(!text("east-care").contains("510-555-0111"));
    // batch.csv: a row per facility, Excel-friendly.
    let csv = std::fs::read_to_string(dir.join("kits/batch.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.matches("\r\n").count(), 4);
}

#[test]
fn bad_rows_are_reported_and_nothing_of_them_is_written() {
    let (_t, dir) = facility();
    let mut rows = GOOD.to_vec();
    rows.push("bad-phone,Bad Phone (fictional),en,,,tel,1,Help (fictional),555-01,");
    rows.push("north-clinic,Duplicate (fictional),en,,,tel,1,,,");
    rows.push("no-lang,No Language (fictional),xx,,,tel,1,,,");
    let s = sheet(&dir, "f.csv", &rows);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(!ok, "a sheet with bad rows exits 1: {err}");
    assert!(err.contains("2 built"), "{err}");
    assert!(err.contains("4 bad rows"), "{err}");
    for id in ["bad-phone", "no-lang", "north-clinic"] {
        assert!(!dir.join("kits").join(id).exists(), "{id} was written");
    }
    assert!(dir.join("kits/south-er/manifest.json").is_file());
    let sum = summary(&dir.join("kits/batch.json"));
    let bad: Vec<(u64, String)> = sum["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "bad-row")
        .map(|f| (f["row"].as_u64().unwrap(), f["problems"].to_string()))
        .collect();
    assert_eq!(
        bad.iter().map(|b| b.0).collect::<Vec<_>>(),
        vec![2, 5, 6, 7]
    );
    assert!(bad[1].1.contains("555-01"), "{bad:?}");
    assert!(bad[3].1.contains("xx"), "{bad:?}");

    // --strict: nothing at all.
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "strict", "--strict"]);
    assert!(!ok);
    assert!(err.contains("--strict"), "{err}");
    assert!(!dir.join("strict").exists(), "--strict wrote something");
}

#[test]
fn a_facility_that_cannot_be_made_keeps_its_earlier_kit() {
    let (_t, dir) = facility();
    let s = sheet(&dir, "f.csv", &[GOOD[0]]);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    let before = common::files_under(&dir.join("kits/north-clinic"));
    // Arabic with a web QR code: the website is answered in English and Spanish only,
    // and the stall sticker cannot say so. The row is good; the kit cannot be made.
    let s = sheet(
        &dir,
        "f.csv",
        &["north-clinic,North Clinic (fictional),en; ar,,,web,4,,,"],
    );
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(!ok);
    assert!(err.contains("1 failed"), "{err}");
    assert!(err.contains("north-clinic"), "{err}");
    assert_eq!(
        before,
        common::files_under(&dir.join("kits/north-clinic")),
        "the earlier kit changed"
    );
    let sum = summary(&dir.join("kits/batch.json"));
    assert_eq!(sum["facilities"][0]["status"], "failed");
}

#[test]
fn shards_merged_are_the_whole_batch() {
    let (_t, dir) = facility();
    let s = sheet(&dir, "f.csv", GOOD);
    let s = s.to_str().unwrap();
    let (ok, err) = batch(&dir, &[s, "--out", "whole"]);
    assert!(ok, "{err}");
    for i in ["1/2", "2/2"] {
        let out = format!("shard-{}", &i[..1]);
        let (ok, err) = batch(&dir, &[s, "--out", &out, "--shard", i]);
        assert!(ok, "{err}");
    }
    // Shard 1 takes rows 1 and 3 of the sheet, shard 2 row 2.
    assert!(dir.join("shard-1/north-clinic").is_dir() && dir.join("shard-1/east-care").is_dir());
    assert!(dir.join("shard-2/south-er").is_dir() && !dir.join("shard-2/north-clinic").exists());

    // One shard missing: refused.
    let o = hk(&dir, &["batch-merge", "shard-1", "--out", "merged"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("shards missing: 2/2"));
    assert!(!dir.join("merged/batch.json").exists());

    let o = hk(
        &dir,
        &["batch-merge", "shard-1", "shard-2", "--out", "merged"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut whole = common::files_under(&dir.join("whole"));
    let mut merged = common::files_under(&dir.join("merged"));
    let (wj, mj) = (
        whole.remove("batch.json").unwrap(),
        merged.remove("batch.json").unwrap(),
    );
    assert_eq!(wj, mj, "batch.json");
    assert_eq!(whole, merged);

    // A shard of another sheet: refused.
    let other = sheet(&dir, "g.csv", &GOOD[..2]);
    let (ok, err) = batch(
        &dir,
        &[
            other.to_str().unwrap(),
            "--out",
            "shard-2",
            "--shard",
            "2/2",
        ],
    );
    assert!(ok, "{err}");
    let o = hk(
        &dir,
        &["batch-merge", "shard-1", "shard-2", "--out", "merged2"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("another sheet"));
}

#[test]
fn a_second_batch_with_nothing_changed_writes_nothing() {
    let (_t, dir) = facility();
    let s = sheet(&dir, "f.csv", GOOD);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    // The facilities' folders (batch.json says "built" the first time, "unchanged" after).
    let folders = |d: &Path| -> BTreeMap<String, Vec<u8>> {
        common::files_under(d)
            .into_iter()
            .filter(|(k, _)| !k.starts_with("batch."))
            .collect()
    };
    let before = folders(&dir.join("kits"));
    let times = |d: &Path| -> Vec<std::time::SystemTime> {
        let mut v: Vec<_> = common::files_under(d)
            .keys()
            .map(|k| std::fs::metadata(d.join(k)).unwrap().modified().unwrap())
            .collect();
        v.sort();
        v
    };
    let t0 = times(&dir.join("kits/north-clinic"));
    // Just written inputs: every facility is laid out again, nothing drawn, nothing
    // written.
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    assert!(err.contains("3 facilities: 0 built, 3 unchanged"), "{err}");
    assert!(err.contains("; 0 of "), "{err}");
    assert_eq!(before, folders(&dir.join("kits")));
    assert_eq!(t0, times(&dir.join("kits/north-clinic")));
    // Inputs written a while ago: the facilities are not even laid out.
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for p in [s.clone(), dir.join("kit.toml")] {
        std::fs::File::options()
            .append(true)
            .open(&p)
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    assert!(err.contains("3 facilities: 0 built, 3 unchanged"), "{err}");
    assert!(err.contains("0 of 0 renders"), "{err}");
    assert_eq!(before, folders(&dir.join("kits")));
    assert_eq!(t0, times(&dir.join("kits/north-clinic")));
    // One row changed: only that facility is built again.
    let mut rows = GOOD.to_vec();
    rows[1] = "south-er,South Emergency (fictional),en es ko,,,sms,9,,,";
    let s = sheet(&dir, "f.csv", &rows);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits"]);
    assert!(ok, "{err}");
    assert!(err.contains("1 built, 2 unchanged"), "{err}");
}

#[test]
fn a_long_sheet_with_one_bad_row_stops_a_strict_batch_before_anything_is_written() {
    let (_t, dir) = facility();
    let mut rows: Vec<String> = (0..10_000)
        .map(|i| format!("f{i:05},Facility {i} (fictional),en es,,,tel,3,,,"))
        .collect();
    rows[7_777] =
        "f07777,Facility (fictional),en es,,,tel,3,Help (fictional),1-888-373-7880,".into();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let s = sheet(&dir, "long.csv", &refs);
    let (ok, err) = batch(&dir, &[s.to_str().unwrap(), "--out", "kits", "--strict"]);
    assert!(!ok);
    assert!(err.contains("row 7779"), "{err}");
    assert!(err.contains("1 of 10000 rows"), "{err}");
    assert!(!dir.join("kits").exists());
}

#[test]
fn two_batches_at_once_share_the_cache_and_make_the_same_kits() {
    let (_t, dir) = facility();
    let s = sheet(&dir, "f.csv", GOOD);
    let s = s.to_str().unwrap();
    let (ok, err) = batch(&dir, &[s, "--out", "plain", "--no-cache"]);
    assert!(ok, "{err}");
    assert!(
        !dir.join(".hotline-kit/cache").exists(),
        "--no-cache wrote a cache"
    );
    let runs: Vec<_> = ["a", "b"]
        .iter()
        .map(|out| {
            common::spawn_hk(
                &dir,
                &[
                    "batch",
                    s,
                    "--out",
                    out,
                    "--design",
                    "stall-sticker",
                    "--design",
                    "wallet-card",
                ],
            )
        })
        .collect();
    for r in runs {
        let o = r.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{err}");
        assert!(!err.contains("damaged"), "{err}");
    }
    let folders = |d: &str| -> BTreeMap<String, Vec<u8>> {
        common::files_under(&dir.join(d))
            .into_iter()
            .filter(|(k, _)| !k.starts_with("batch."))
            .collect()
    };
    let plain = folders("plain");
    assert!(plain.len() > 20);
    assert_eq!(plain, folders("a"));
    assert_eq!(plain, folders("b"));
}
