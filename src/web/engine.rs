//! The engine behind the web application: the project kept in memory (loaded again
//! when a file of the project changes), pieces laid out on request through the same
//! pipeline as `build` ([`crate::products::piece::make`]), and preview images cached by
//! the piece's content hash, so an unchanged preview is served again without any work.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::kit::Selection;
use crate::products::workspace::{self, Kit};
use crate::scene::Scene;

/// Most bytes of preview images kept in memory.
const PREVIEW_BYTES: usize = 48 << 20;

/// Widest preview drawn, in pixels.
pub const PREVIEW_MAX_WIDTH: u32 = 2400;

/// How often the project folder is looked at for changed files.
const RESCAN: Duration = Duration::from_millis(1000);

/// The project in memory and the preview cache.
pub struct Engine {
    dir: PathBuf,
    loaded: RwLock<Option<Loaded>>,
    previews: Mutex<Lru>,
    /// Pages whose QR codes were read back (content hash, ledger state, piece, page).
    verified: Mutex<std::collections::HashSet<String>>,
    /// Pieces laid out and drawn at once: one per core. More would only wait for a core
    /// while each holds a full-size pixel buffer (tens of MB), so memory stays bounded
    /// however many people ask at once.
    slots: Slots,
}

/// A counting semaphore for the drawing work.
#[derive(Debug)]
struct Slots {
    free: Mutex<usize>,
    freed: std::sync::Condvar,
}

/// A taken slot, given back when dropped.
struct Slot<'a>(&'a Slots);

impl Slots {
    fn new(n: usize) -> Slots {
        Slots {
            free: Mutex::new(n.max(1)),
            freed: std::sync::Condvar::new(),
        }
    }

    fn take(&self) -> Slot<'_> {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        *free -= 1;
        Slot(self)
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("dir", &self.dir).finish()
    }
}

struct Loaded {
    stamp: Stamp,
    checked: Instant,
    project: Arc<Project>,
}

/// The newest modification time and the number of files under the project's own
/// folders: when either changes, the project is loaded again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    newest: Option<SystemTime>,
    files: usize,
}

fn stamp(dir: &Path) -> Stamp {
    let mut s = Stamp {
        newest: None,
        files: 0,
    };
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            // Outputs, the database and version control do not change the project.
            if depth == 0 && matches!(name.as_ref(), ".hotline-kit" | ".git" | "target" | "out") {
                continue;
            }
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                if depth < 6 && !m.file_type().is_symlink() {
                    stack.push((e.path(), depth + 1));
                }
                continue;
            }
            s.files += 1;
            if let Ok(t) = m.modified() {
                s.newest = Some(s.newest.map_or(t, |n: SystemTime| n.max(t)));
            }
        }
    }
    s
}

/// Preview images by key, least recently used dropped first.
#[derive(Default)]
struct Lru {
    map: HashMap<String, Arc<Vec<u8>>>,
    order: VecDeque<String>,
    bytes: usize,
}

impl Lru {
    fn get(&mut self, k: &str) -> Option<Arc<Vec<u8>>> {
        let v = self.map.get(k)?.clone();
        if let Some(i) = self.order.iter().position(|x| x == k) {
            let key = self.order.remove(i).unwrap_or_default();
            self.order.push_back(key);
        }
        Some(v)
    }

    fn put(&mut self, k: String, v: Arc<Vec<u8>>) {
        if self.map.contains_key(&k) {
            return;
        }
        self.bytes += v.len();
        self.order.push_back(k.clone());
        self.map.insert(k, v);
        while self.bytes > PREVIEW_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(v) = self.map.remove(&old) {
                self.bytes -= v.len();
            }
        }
    }
}

/// A preview image and the content hash of the piece it shows.
#[derive(Debug, Clone)]
pub struct Preview {
    /// PNG bytes.
    pub png: Arc<Vec<u8>>,
    /// Content hash of the piece.
    pub hash: String,
    /// Whether it came from the cache.
    pub cached: bool,
}

impl Engine {
    /// The engine of the project in `dir` (nothing is loaded yet).
    pub fn new(dir: &Path) -> Engine {
        Engine {
            dir: dir.to_path_buf(),
            loaded: RwLock::new(None),
            previews: Mutex::new(Lru::default()),
            verified: Mutex::new(std::collections::HashSet::new()),
            slots: Slots::new(std::thread::available_parallelism().map_or(2, |n| n.get())),
        }
    }

    /// The project folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The project, loaded again if a file changed since it was loaded (looked at
    /// most once a second, or at once after [`Engine::invalidate`]).
    pub fn project(&self) -> Result<Arc<Project>, Diagnostics> {
        {
            let g = self.loaded.read().unwrap_or_else(|p| p.into_inner());
            if let Some(l) = g.as_ref()
                && l.checked.elapsed() < RESCAN
            {
                return Ok(l.project.clone());
            }
        }
        let mut g = self.loaded.write().unwrap_or_else(|p| p.into_inner());
        let now = stamp(&self.dir);
        if let Some(l) = g.as_mut() {
            if l.checked.elapsed() < RESCAN {
                return Ok(l.project.clone());
            }
            if l.stamp == now {
                l.checked = Instant::now();
                return Ok(l.project.clone());
            }
        }
        let project = Arc::new(workspace::load(&self.dir)?);
        *g = Some(Loaded {
            stamp: now,
            checked: Instant::now(),
            project: project.clone(),
        });
        Ok(project)
    }

    /// Forget the loaded project (after the web application changed a file).
    pub fn invalidate(&self) {
        *self.loaded.write().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The kit file (kit.toml) of the project, read now.
    pub fn kit(&self) -> Result<Kit, Diagnostics> {
        workspace::load_kit(&self.dir, None)
    }

    /// The selection of the kit, or of the named designs and locales.
    pub fn selection(
        &self,
        designs: Vec<String>,
        locales: Vec<String>,
    ) -> Result<(Kit, Selection), Diagnostics> {
        let kit = self.kit()?;
        let mut sel = workspace::selection(&kit, designs, locales, Vec::new(), None)?;
        sel.today = Some(crate::checks::check::today());
        Ok((kit, sel))
    }

    /// One piece, laid out, sealed and verified exactly as `build` makes it.
    pub fn scene(&self, design: &str, locale: &str) -> Result<Scene, Diagnostics> {
        let project = self.project()?;
        let (_, sel) = self.selection(vec![design.to_string()], vec![locale.to_string()])?;
        let d = project.design(design)?;
        // Each language of a pair (`en+es`) must be one of the project's.
        for code in crate::load::spec::bilingual::locales_of(locale) {
            project.catalog(code)?;
        }
        crate::products::piece::make(&project, d, locale, &sel.options_for(&project))
    }

    /// A preview of page `page` (from 0) of a piece, `width` pixels wide. With
    /// `hash`, the cached image of that content is served without laying out again;
    /// when the piece's content is no longer that hash, it is drawn anew.
    pub fn preview(
        &self,
        design: &str,
        locale: &str,
        page: usize,
        width: u32,
        hash: Option<&str>,
    ) -> Result<Preview, Diagnostics> {
        let width = width.clamp(120, PREVIEW_MAX_WIDTH);
        // The content hash does not cover the approval (an approval changes no input),
        // but the image shows it (the DRAFT mark): the ledger's state is in the key.
        let ledger = self.ledger_stamp();
        let key = |h: &str| format!("{h}|{ledger}|{design}|{locale}|{page}|{width}");
        if let Some(h) = hash
            && let Some(png) = self.cached(&key(h))
        {
            return Ok(Preview {
                png,
                hash: h.to_string(),
                cached: true,
            });
        }
        let _slot = self.slots.take();
        let scene = self.scene(design, locale)?;
        if let Some(png) = self.cached(&key(&scene.hash)) {
            return Ok(Preview {
                png,
                hash: scene.hash,
                cached: true,
            });
        }
        let checked = format!("{}|{ledger}|{design}|{locale}|{page}", scene.hash);
        if !self.is_verified(&checked) {
            verify_page(&scene, page)?;
            self.verified
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(checked);
        }
        let png = Arc::new(draw(&scene, page, width)?);
        self.previews
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .put(key(&scene.hash), png.clone());
        Ok(Preview {
            png,
            hash: scene.hash,
            cached: false,
        })
    }

    /// The approvals ledger's size and modification time: changes with every write.
    fn ledger_stamp(&self) -> String {
        std::fs::metadata(self.dir.join(crate::review::LEDGER)).map_or_else(
            |_| "none".to_string(),
            |m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}-{t}", m.len())
            },
        )
    }

    fn is_verified(&self, key: &str) -> bool {
        self.verified
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(key)
    }

    fn cached(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        self.previews
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
    }
}

/// Draw one page of a scene `width` pixels wide as PNG. The page's QR codes are not
/// read back from this image (a thumbnail's modules may be too small to scan):
/// [`verify_page`] reads them back from the page drawn at print resolution, once per
/// content, before any preview of it is served.
pub fn draw(scene: &Scene, page: usize, width: u32) -> Result<Vec<u8>, Diagnostics> {
    let p = page_of(scene, page)?;
    let s = width as f32 / p.width.max(1.0);
    let fail = |m: String| Diagnostics::from(Diagnostic::error(format!("preview: {m}")));
    let pm = crate::export::png::render_at(scene, p, s).map_err(fail)?;
    crate::export::png::encode(&pm, s * 72.0, &scene.meta()).map_err(fail)
}

/// Read every QR code of a page back from the page drawn at the PNG export's
/// resolution, exactly as `build` checks a PNG it writes.
pub fn verify_page(scene: &Scene, page: usize) -> Result<(), Diagnostics> {
    let p = page_of(scene, page)?;
    let fail = |m: String| Diagnostics::from(Diagnostic::error(format!("preview: {m}")));
    let pm = crate::export::png::render(scene, p).map_err(fail)?;
    crate::export::png::check_qr(scene, p, &pm).map_err(fail)
}

fn page_of(scene: &Scene, page: usize) -> Result<&crate::scene::Page, Diagnostics> {
    scene.pages.get(page).ok_or_else(|| {
        Diagnostic::error(format!(
            "{} has {} page(s); there is no page {}",
            scene.design,
            scene.pages.len(),
            page + 1
        ))
        .into()
    })
}
