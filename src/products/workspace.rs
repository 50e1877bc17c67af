//! What commands and the web application start from: the project, the kit file and the
//! selection of pieces it (or the command line) makes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::kit::{Format, Selection};

/// The kit: its file, if any, and the folder its approvals ledger lives in.
pub struct Kit {
    /// The parsed kit file, if there is one.
    pub file: Option<crate::load::kitfile::KitFile>,
    /// The kit file's path, if there is one.
    pub path: Option<PathBuf>,
    /// The kit file's folder (the project folder without --kit).
    pub dir: PathBuf,
}

impl Kit {
    /// The approvals ledger's path.
    pub fn ledger(&self) -> PathBuf {
        self.dir.join(crate::review::LEDGER)
    }

    /// The output folder of `build`: `--out` as given, else `out` of the kit file
    /// (relative to the kit file, and inside the project), else `out`.
    pub fn out(&self, project: &Path, cli: Option<PathBuf>) -> Result<PathBuf, Diagnostics> {
        if let Some(o) = cli {
            return Ok(o);
        }
        match (&self.file, &self.path) {
            (Some(f), Some(path)) => match &f.build.out {
                Some(o) => Ok(crate::load::kitfile::resolve_out(
                    o, path, &self.dir, project,
                )?),
                None => Ok(PathBuf::from("out")),
            },
            _ => Ok(PathBuf::from("out")),
        }
    }
}

/// The kit file named by --kit, or kit.toml in the project folder if present (which
/// must not lead outside the project through a symbolic link).
pub fn load_kit(project: &Path, kit: Option<&Path>) -> Result<Kit, Diagnostics> {
    let path = match kit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = project.join("kit.toml");
            if std::fs::symlink_metadata(&p).is_err() {
                return Ok(Kit {
                    file: None,
                    path: None,
                    dir: project.to_path_buf(),
                });
            }
            crate::base::assets::confined(project, "kit.toml").map_err(|e| {
                Diagnostics::from(
                    Diagnostic::error(format!("cannot read kit file {}: {e}", p.display())).hint(
                        "copy the kit file into the project folder, or name it with --kit FILE",
                    ),
                )
            })?;
            p
        }
    };
    let bytes = std::fs::read(&path).map_err(|e| {
        let d = Diagnostic::error(format!("cannot read kit file {}: {e}", path.display()));
        Diagnostics::from(if e.kind() == std::io::ErrorKind::NotFound {
            d.hint("`hotline-kit init` writes one")
        } else {
            d
        })
    })?;
    let text = crate::base::assets::decode_utf8(bytes)
        .map_err(|e| crate::load::project::not_utf8(path.clone(), e))?;
    let src = crate::base::diag::Source::new(path.clone(), text);
    let file = crate::load::kitfile::KitFile::parse(&src)?;
    // Local resources against the hotline's numbers: look-alikes, imitated names.
    let assets = crate::products::facility::open(project)?;
    if let Ok(h) = crate::load::project::read_source(&*assets, "hotline.toml")
        .map_err(Diagnostics::from)
        .and_then(|s| crate::load::hotline::Hotline::parse(&s).map_err(Diagnostics))
    {
        let d = file.check_resources(&src, &h);
        if d.has_errors() {
            return Err(d);
        }
    }
    let dir = match kit {
        Some(_) => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => project.to_path_buf(),
    };
    Ok(Kit {
        file: Some(file),
        path: Some(path),
        dir,
    })
}

/// What to build: the command line's lists where given, else the kit file's.
pub fn selection(
    kit_ctx: &Kit,
    designs: Vec<String>,
    locales: Vec<String>,
    formats: Vec<Format>,
    fallback: Option<String>,
) -> Result<Selection, Diagnostics> {
    let kit = kit_ctx.file.as_ref();
    // The ledger is read with std::fs: it must not lead outside the kit's folder.
    if let Err(e) = crate::base::assets::confined(&kit_ctx.dir, crate::review::LEDGER)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        return Err(
            Diagnostic::error(format!("cannot read {}: {e}", kit_ctx.ledger().display())).into(),
        );
    }
    let approvals = Arc::new(crate::review::Ledger::load(&kit_ctx.ledger())?);
    let partial = !designs.is_empty();
    let or = |cli: Vec<String>, k: Option<&Vec<String>>| {
        if cli.is_empty() {
            k.cloned().unwrap_or_default()
        } else {
            cli
        }
    };
    Ok(Selection {
        designs: or(designs, kit.map(|k| &k.build.designs)),
        locales: or(locales, kit.map(|k| &k.build.locales)),
        formats: if formats.is_empty() {
            kit.map(|k| k.build.formats.clone()).unwrap_or_default()
        } else {
            formats
        },
        options: crate::layout::Options {
            fallback: fallback.or_else(|| kit.and_then(|k| k.build.fallback.clone())),
            resources: kit.map(|k| k.resources()).unwrap_or_default(),
            contacts: kit.map(|k| k.contacts()).unwrap_or_default(),
            reporting: kit.and_then(|k| k.reporting()),
            qr: kit.and_then(|k| k.qr.as_ref().map(|q| q.target)),
            image_picks: Default::default(),
            approvals,
            rule: kit.map(|k| k.rule.clone()).unwrap_or_default(),
            reserve_bottom: 0.0,
            white_ink: kit
                .and_then(|k| k.print.white_ink.as_ref())
                .map(|w| w.get_ref().clone())
                .unwrap_or_default(),
        },
        kit_designs: kit.map(|k| k.build.designs.clone()).unwrap_or_default(),
        today: Some(crate::checks::check::today()),
        seed: kit.map(|k| k.facility.name.clone()).unwrap_or_default(),
        diversity_advisory: kit
            .and_then(|k| k.imagery.diversity)
            .is_some_and(|d| d == crate::load::kitfile::Diversity::Advisory),
        promote: kit
            .map(|k| {
                k.checks
                    .errors
                    .iter()
                    .map(|c| c.get_ref().clone())
                    .collect()
            })
            .unwrap_or_default(),
        partial,
        final_only: false,
        marks: false,
        cut_line: false,
        color: kit
            .and_then(|k| k.print.color.as_ref())
            .map(|c| *c.get_ref())
            .unwrap_or_default(),
        loops: kit.and_then(|k| k.video.as_ref()).map(|v| v.settings()),
        print_methods: kit
            .map(|k| {
                k.print
                    .method
                    .iter()
                    .map(|(d, m)| (d.clone(), *m.get_ref()))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// The project in `dir`: a complete project read from the file system, or a facility
/// folder on top of the library built into the binary.
pub fn load(dir: &Path) -> Result<Project, Diagnostics> {
    Project::load(crate::products::facility::open(dir)?)
}
