//! The house has floors: every module of `src/` lives in a layer folder, imports only
//! from its own layer or the layers below, and no modules import each other in a loop.
//! Read from the `crate::` paths of the source (doc links included, test modules not),
//! as `import-cycles.py` reads them. ARCHITECTURE.md draws the same map in words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, lowest first: the first segment of a module's path names its layer.
const LAYERS: &[(&str, usize)] = &[
    ("base", 0),
    ("model", 1),
    ("load", 2),
    ("scene", 3),
    ("layout", 4),
    ("checks", 5),
    ("review", 6),
    ("export", 7),
    ("products", 8),
    ("web", 9),
    ("commands", 10),
];

fn layer_of(module: &str) -> Option<(&'static str, usize)> {
    let top = module.split("::").next()?;
    LAYERS.iter().find(|(n, _)| *n == top).copied()
}

/// Module path of a file under `src/` ("load/spec.rs" -> "load::spec"); `None` for the
/// crate root files.
fn module_path(rel: &str) -> Option<String> {
    let rel = rel.strip_suffix(".rs")?;
    let mut parts: Vec<&str> = rel.split('/').collect();
    if matches!(parts.last(), Some(&"mod")) {
        parts.pop();
    }
    if parts.is_empty() || matches!(parts.as_slice(), ["lib"] | ["main"]) {
        return None;
    }
    Some(parts.join("::"))
}

/// The code a module is judged by: without its `#[cfg(test)] mod tests` block.
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Every path after `crate::`, with `{a, b::{c, d}}` groups expanded.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        expand(after, String::new(), &mut out);
        rest = after;
    }
    out
}

fn expand(text: &str, prefix: String, out: &mut Vec<String>) {
    let head: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let tail = &text[head.len()..];
    if !tail.starts_with('{') {
        out.push(format!("{prefix}{head}"));
        return;
    }
    // A group: split its items at depth 1.
    let (mut depth, mut start) = (0usize, 1usize);
    for (i, c) in tail.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let item = tail[start..i].trim();
                    if !item.is_empty() {
                        expand(item, format!("{prefix}{head}"), out);
                    }
                    return;
                }
            }
            ',' if depth == 1 => {
                let item = tail[start..i].trim();
                if !item.is_empty() {
                    expand(item, format!("{prefix}{head}"), out);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
}

/// The longest module that `path` starts with.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    (1..=segs.len())
        .rev()
        .map(|k| segs[..k].join("::"))
        .find(|m| modules.contains(m))
}

/// Every break of the layering rule in a tree of `(path under src/, text)`, in words.
fn problems(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<String> = files.iter().filter_map(|(p, _)| module_path(p)).collect();
    let mut out = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(m) = module_path(path) else { continue };
        let Some((layer, n)) = layer_of(&m) else {
            out.push(format!(
                "src/{path} is in no layer: move it into one of the layer folders ({})",
                LAYERS
                    .iter()
                    .map(|(l, _)| *l)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        };
        for used in crate_paths(without_tests(text)) {
            let Some(dep) = resolve(&used, &modules) else {
                continue;
            };
            if dep == m || m.starts_with(&format!("{dep}::")) || dep.starts_with(&format!("{m}::"))
            {
                continue; // itself, its parent or its child
            }
            if let Some((dep_layer, k)) = layer_of(&dep).filter(|(_, k)| *k > n) {
                out.push(format!(
                    "src/{path} ({layer}, layer {n}) imports crate::{used} from {dep_layer} (layer {k}): \
                     a layer may import only from itself and the layers below; move what both need down"
                ));
            }
            edges.entry(m.clone()).or_default().insert(dep);
        }
    }
    out.extend(cycles(&edges).into_iter().map(|c| {
        format!("import cycle: {}: break it by moving what they share into one of them or a lower layer", c.join(" -> "))
    }));
    out
}

/// Loops in the import graph (one per strongly connected group of more than one module).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: order by finish time, then walk the reversed graph.
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for &n in &nodes {
        finish(n, edges, &mut seen, &mut order);
    }
    let mut rev: BTreeMap<&String, Vec<&String>> = BTreeMap::new();
    for (a, bs) in edges {
        for b in bs {
            rev.entry(b).or_default().push(a);
        }
    }
    let mut assigned = BTreeSet::new();
    let mut out = Vec::new();
    for n in order.into_iter().rev() {
        if assigned.contains(n) {
            continue;
        }
        let mut group = vec![n.clone()];
        let mut stack = vec![n];
        assigned.insert(n);
        while let Some(x) = stack.pop() {
            for &y in rev.get(x).into_iter().flatten() {
                if assigned.insert(y) {
                    group.push(y.clone());
                    stack.push(y);
                }
            }
        }
        if group.len() > 1 {
            group.sort();
            out.push(group);
        }
    }
    out
}

fn finish<'a>(
    n: &'a String,
    edges: &'a BTreeMap<String, BTreeSet<String>>,
    seen: &mut BTreeSet<&'a String>,
    order: &mut Vec<&'a String>,
) {
    if !seen.insert(n) {
        return;
    }
    for d in edges.get(n).into_iter().flatten() {
        finish(d, edges, seen, order);
    }
    order.push(n);
}

fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_tree(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

fn tree(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

#[test]
fn every_module_imports_only_from_its_layer_and_below_and_there_is_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_tree(&src, &src, &mut files);
    assert!(
        files.len() > 40,
        "read only {} files from {}",
        files.len(),
        src.display()
    );
    let found = problems(&files);
    assert!(
        found.is_empty(),
        "{} layering problem(s):\n{}",
        found.len(),
        found.join("\n")
    );
    // Every layer folder holds something (the map in ARCHITECTURE.md is not empty).
    for (layer, _) in LAYERS {
        let has = files.iter().any(|(p, _)| {
            module_path(p).is_some_and(|m| m == *layer || m.starts_with(&format!("{layer}::")))
        });
        assert!(has, "layer {layer} has no module");
    }
}

#[test]
fn a_lower_layer_importing_a_higher_one_is_named_with_the_fix() {
    let files = tree(&[
        ("base/units.rs", "//! Units.\n"),
        (
            "load/spec.rs",
            "use crate::base::units::Length;\nuse crate::{base::units, products::kit::Selection};\n",
        ),
        ("products/kit.rs", "//! Kit.\npub struct Selection;\n"),
        ("products/mod.rs", "pub mod kit;\n"),
    ]);
    let found = problems(&files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .contains("src/load/spec.rs (load, layer 2) imports crate::products::kit::Selection"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("move what both need down"),
        "{}",
        found[0]
    );
    // A doc link counts too: the map is read as import-cycles.py reads it.
    let doc = tree(&[
        ("base/units.rs", "//! See [`crate::load::spec`].\n"),
        ("load/spec.rs", ""),
    ]);
    assert_eq!(problems(&doc).len(), 1);
    // Its own test module may reach anywhere.
    let tests = tree(&[
        (
            "base/units.rs",
            "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::load::spec;\n}\n",
        ),
        ("load/spec.rs", ""),
    ]);
    assert!(problems(&tests).is_empty(), "{:?}", problems(&tests));
}

#[test]
fn a_loop_within_one_layer_and_a_module_outside_the_layers_are_refused() {
    let files = tree(&[
        ("load/a.rs", "use crate::load::b::B;\n"),
        ("load/b.rs", "use crate::load::{a::A, c};\n"),
        ("load/c.rs", ""),
        ("stray.rs", "use crate::load::c;\n"),
    ]);
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("import cycle: load::a -> load::b")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("src/stray.rs is in no layer")),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");
}
