//! Diagnostics: errors and warnings as data.
//!
//! Every stage reports problems as [`Diagnostic`]s instead of failing on the first one.
//! A diagnostic names the file and, where it can, the byte span inside it; the CLI prints
//! them like a compiler (`error: ...`, `--> file:line:col`, the source line, `hint: ...`).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The input can be used, but something deserves a look.
    Warning,
    /// The input cannot be used; nothing is written.
    Error,
}

/// A source file kept so that diagnostics can quote it.
#[derive(Debug)]
pub struct Source {
    /// Path shown to the user (relative to the project where possible).
    pub path: PathBuf,
    /// The full text of the file.
    pub text: String,
}

impl Source {
    /// Wrap a file's path and text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            path: path.into(),
            text: text.into(),
        })
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    /// Byte span of the first line that matches `pred`, trimmed of indentation.
    pub fn find_line(&self, pred: impl Fn(&str) -> bool) -> Option<Range<usize>> {
        let mut start = 0;
        for line in self.text.split_inclusive('\n') {
            let trimmed = line.trim_end_matches(['\n', '\r']);
            if pred(trimmed) {
                let indent = trimmed.len() - trimmed.trim_start().len();
                return Some(start + indent..start + trimmed.len());
            }
            start += line.len();
        }
        None
    }
}

/// One problem found in the input, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file the problem is in, if any.
    pub file: Option<PathBuf>,
    /// The source text, when the file could be read, for quoting.
    pub source: Option<Arc<Source>>,
    /// Byte range inside `source`.
    pub span: Option<Range<usize>>,
    /// How to fix it.
    pub hints: Vec<String>,
    /// Which check found it (e.g. `reading-level`), so a kit can make it an error.
    pub code: Option<&'static str>,
}

impl Diagnostic {
    /// A new error with a message and nothing else.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            source: None,
            span: None,
            hints: Vec::new(),
            code: None,
        }
    }

    /// A new warning with a message and nothing else.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Attach the file (without a position).
    pub fn in_file(mut self, path: impl AsRef<Path>) -> Self {
        self.file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Attach a source file and a byte span inside it.
    pub fn at(mut self, source: &Arc<Source>, span: Option<Range<usize>>) -> Self {
        self.file = Some(source.path.clone());
        self.source = Some(source.clone());
        self.span = span;
        self
    }

    /// Add a hint that tells how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Name the check that found this.
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, `file`, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        match (&self.source, &self.span) {
            (Some(src), Some(span)) => {
                let (l, c) = src.line_col(span.start);
                Some(format!("{}:{l}:{c}", file.display()))
            }
            _ => Some(file.display().to_string()),
        }
    }

    /// As JSON: severity, message, file, line, column, hints.
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = match (&self.source, &self.span) {
            (Some(src), Some(span)) => {
                let (l, c) = src.line_col(span.start);
                (Some(l), Some(c))
            }
            _ => (None, None),
        };
        serde_json::json!({
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "message": self.message,
            "file": self.file.as_ref().map(|f| f.display().to_string()),
            "line": line,
            "column": column,
            "hints": self.hints,
            "check": self.code,
        })
    }

    /// Print like a compiler, with the quoted source line where there is one.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let mut d = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(crate::base::numbers::escape_invisible(&match self.code {
            Some(c) => format!("{} [{c}]", self.message),
            None => self.message.clone(),
        }))
        .with_notes(
            self.hints
                .iter()
                .map(|h| format!("hint: {}", crate::base::numbers::escape_invisible(h)))
                .collect(),
        );
        let config = term::Config::default();
        match (&self.source, &self.span) {
            (Some(src), Some(span)) => {
                // The quoted line never sends a control character or an invisible
                // direction control to the terminal: they are shown as <U+XXXX>.
                let (text, span) = shown_source(&src.text, span.clone());
                let file = SimpleFile::new(src.path.display().to_string(), text);
                d = d.with_labels(vec![Label::primary((), span)]);
                term::emit_to_write_style(out, &config, &file, &d).map_err(std::io::Error::other)
            }
            _ => {
                let (name, text) = match &self.file {
                    Some(f) => (f.display().to_string(), String::new()),
                    None => (String::new(), String::new()),
                };
                if !name.is_empty() {
                    d.message = format!("{}\n  --> {name}", d.message);
                }
                let file = SimpleFile::new(name, text);
                term::emit_to_write_style(out, &config, &file, &d).map_err(std::io::Error::other)
            }
        }
    }
}

/// A source text as quoted in a diagnostic, with the span moved to match: controls
/// (other than line ends and tabs) and direction controls written
/// as `<U+XXXX>`.
fn shown_source(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (span.start, span.end);
    for (i, c) in text.char_indices() {
        if i == span.start {
            start = out.len();
        }
        if i == span.end {
            end = out.len();
        }
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(c);
        } else {
            out.push_str(&crate::base::numbers::escape_invisible(
                c.encode_utf8(&mut [0; 4]),
            ));
        }
    }
    if span.start >= text.len() {
        start = out.len();
    }
    if span.end >= text.len() {
        end = out.len();
    }
    (out, start..end.max(start))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{sev}: {}",
            crate::base::numbers::escape_invisible(&self.message)
        )?;
        if let Some(loc) = self.location() {
            write!(f, " ({loc})")?;
        }
        for h in &self.hints {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// A collection of diagnostics, filled by every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Add one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Add many.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    /// Whether any of them is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// Errors first, then by file and position; exact duplicates removed.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.file.cmp(&b.file))
                .then_with(|| {
                    a.span
                        .as_ref()
                        .map(|s| s.start)
                        .cmp(&b.span.as_ref().map(|s| s.start))
                })
                .then_with(|| a.message.cmp(&b.message))
        });
        self.0
            .dedup_by(|a, b| a.message == b.message && a.file == b.file && a.span == b.span);
        self
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Result of a stage that can fail with diagnostics.
pub type DiagResult<T> = Result<T, Diagnostics>;

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

/// Diagnostics as they print, sorted, without colour (to keep and say again).
pub fn plain(diags: &Diagnostics) -> String {
    let mut buf = codespan_reporting::term::termcolor::Buffer::no_color();
    for d in &diags.clone().sorted().0 {
        let _ = d.emit(&mut buf);
    }
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}
