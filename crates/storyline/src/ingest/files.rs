//! Which inputs a run reads: the paths given, folders walked, `-` for standard input.
//!
//! Each file comes with its identity ([`FileId`]: canonical path, size, modification time),
//! so that another spelling of the same file is recognised as the same source and an edited
//! file as a new version. Nothing is dropped without a word: what cannot be read (a named
//! pipe, a device, a socket, a broken or looping symbolic link) becomes a [`Failure`] naming
//! the path and the reason.

use std::collections::HashSet;
use std::fs::{FileType, Metadata};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Failure;
use crate::error::Stage;

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";

/// How standard input is named in sources and messages.
pub const STDIN_NAME: &str = "<stdin>";

/// What identifies a file's content between runs: the same canonical path, size and
/// modification time mean the same bytes (as `make` and `rsync` assume).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId {
    /// The absolute path with every symbolic link resolved.
    pub canonical: PathBuf,
    pub size: u64,
    /// `None` where the platform keeps no modification time.
    pub modified: Option<SystemTime>,
}

impl FileId {
    /// The file's identity. Its `.meta.json` sidecar is part of it: the later of the two
    /// modification times stands for both, so that a sidecar added, edited or removed
    /// since a run makes the next run read the file again.
    fn of(path: &Path, meta: &Metadata) -> std::io::Result<FileId> {
        let sidecar = super::sidecar_path(path)
            .and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| m.modified().ok());
        Ok(FileId {
            canonical: std::fs::canonicalize(path)?,
            size: meta.len(),
            modified: meta.modified().ok().max(sidecar),
        })
    }

    /// The modification time in nanoseconds since the Unix epoch (negative before it), as a
    /// store keeps it.
    pub fn modified_unix_ns(&self) -> Option<i128> {
        let t = self.modified?;
        Some(match t.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
    }
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Standard input (the path `-`): read once, with no identity across runs.
    Stdin,
    /// A regular file.
    File(FileId),
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path as the user typed it or the folder walk reached it (`-` for standard input).
    pub path: PathBuf,
    pub origin: Origin,
}

impl InputFile {
    /// Standard input.
    pub fn stdin() -> InputFile {
        InputFile {
            path: PathBuf::from(STDIN_PATH),
            origin: Origin::Stdin,
        }
    }

    /// The name shown in sources and messages: the path as given, or `<stdin>`.
    pub fn shown(&self) -> String {
        match self.origin {
            Origin::Stdin => STDIN_NAME.to_string(),
            Origin::File(_) => self.path.display().to_string(),
        }
    }

    /// The size in bytes, when known before reading (not for standard input).
    pub fn size(&self) -> Option<u64> {
        match &self.origin {
            Origin::Stdin => None,
            Origin::File(id) => Some(id.size),
        }
    }

    /// The file's identity; `None` for standard input.
    pub fn id(&self) -> Option<&FileId> {
        match &self.origin {
            Origin::Stdin => None,
            Origin::File(id) => Some(id),
        }
    }
}

/// Lists the inputs under `paths`: `-` is standard input; folders are walked recursively in
/// name order, following symbolic links (a link back to a folder being walked is reported,
/// not followed), hidden entries and `.meta.json` sidecars left out. A file reached twice
/// (two spellings, or a link and its target) is listed once, where first reached. Missing
/// paths, broken links, loops and anything that is not a regular file (named pipes,
/// devices, sockets: reading them could block) become failures.
pub fn list_files(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Failure>) {
    let mut listing = Listing::default();
    for p in paths {
        if p.as_os_str() == STDIN_PATH {
            if !listing.stdin {
                listing.stdin = true;
                listing.files.push(InputFile::stdin());
            }
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => listing.walk(p),
            Ok(m) => listing.entry(p, &m),
            Err(e) => listing.fail(p, io_reason(p, &e)),
        }
    }
    (listing.files, listing.failures)
}

#[derive(Default)]
struct Listing {
    files: Vec<InputFile>,
    failures: Vec<Failure>,
    seen: HashSet<PathBuf>,
    stdin: bool,
}

impl Listing {
    fn fail(&mut self, path: &Path, reason: String) {
        self.failures
            .push(Failure::new(path.display().to_string(), Stage::Ingest, reason));
    }

    /// A path that is not a folder: a regular file is listed, anything else refused.
    fn entry(&mut self, path: &Path, meta: &Metadata) {
        if !meta.is_file() {
            let what = kind_of(&meta.file_type());
            self.fail(
                path,
                format!(
                    "not a regular file ({what}): skipped, as reading it could block; to read a \
                     stream, give `-` and send it to standard input"
                ),
            );
            return;
        }
        match FileId::of(path, meta) {
            Ok(id) => {
                if self.seen.insert(id.canonical.clone()) {
                    self.files.push(InputFile {
                        path: path.to_path_buf(),
                        origin: Origin::File(id),
                    });
                }
            }
            Err(e) => self.fail(path, io_reason(path, &e)),
        }
    }

    fn walk(&mut self, dir: &Path) {
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() || is_sidecar(e.path()) => {}
                Ok(e) => match e.metadata() {
                    Ok(m) => self.entry(e.path(), &m),
                    Err(err) => self.fail(e.path(), err.to_string()),
                },
                Err(err) => {
                    let path = err.path().unwrap_or(dir).to_path_buf();
                    let reason = match (err.loop_ancestor(), err.io_error()) {
                        (Some(ancestor), _) => format!(
                            "symbolic link loop (back to {}): not followed",
                            ancestor.display()
                        ),
                        (None, Some(io)) => io_reason(&path, io),
                        (None, None) => err.to_string(),
                    };
                    self.fail(&path, reason);
                }
            }
        }
    }
}

pub(super) fn is_sidecar(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.json"))
}

/// An I/O error on a path, in words: a dangling link is named as such.
fn io_reason(path: &Path, e: &std::io::Error) -> String {
    let dangling = e.kind() == std::io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if dangling {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        format!("broken symbolic link (to {target}): skipped")
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "no such file or directory".to_string()
    } else {
        format!("cannot read: {e}")
    }
}

/// What kind of non-regular file this is, in words.
fn kind_of(ft: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, text: &str) {
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn files_come_with_their_identity() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("a.txt");
        write(&a, "The pier reopened on Friday.");
        let spelled = d.path().join(".").join("a.txt");
        let (files, failures) = list_files(&[a.clone(), spelled, d.path().to_path_buf()]);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(files.len(), 1, "one file however it is reached: {files:?}");
        assert_eq!(files[0].path, a, "the path as first given");
        let id = files[0].id().unwrap();
        assert_eq!(id.canonical, std::fs::canonicalize(&a).unwrap());
        assert_eq!(id.size, 28);
        assert!(id.modified_unix_ns().is_some_and(|t| t > 0));

        // An edited file has a new identity.
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&a, "The pier reopened on Friday, a day late.");
        let (again, _) = list_files(&[a]);
        assert_ne!(again[0].id(), Some(id));
    }

    #[test]
    fn dash_is_standard_input_once() {
        let dash = PathBuf::from("-");
        let (files, failures) = list_files(&[dash.clone(), dash]);
        assert!(failures.is_empty());
        assert_eq!(files, vec![InputFile::stdin()]);
        assert_eq!(files[0].shown(), "<stdin>");
        assert_eq!(files[0].size(), None);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_loops_and_dangling_links_reported() {
        use std::os::unix::fs::symlink;
        let d = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("story.txt");
        write(&target, "Gulls returned to the quay.");
        let dir = d.path().join("in");
        std::fs::create_dir(&dir).unwrap();
        write(&dir.join("a.txt"), "Tide tables were reprinted.");
        symlink(&target, dir.join("b.txt")).unwrap();
        symlink(outside.path(), dir.join("c-dir")).unwrap();
        symlink(&dir, dir.join("d-loop")).unwrap();
        symlink(d.path().join("nowhere.txt"), dir.join("e-broken.txt")).unwrap();
        let (files, failures) = list_files(std::slice::from_ref(&dir));
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        // story.txt is reached twice (b.txt, c-dir/story.txt): listed once.
        assert_eq!(names, vec!["a.txt", "b.txt"]);
        assert_eq!(
            files[1].id().unwrap().canonical,
            std::fs::canonicalize(&target).unwrap()
        );
        let reasons: Vec<&str> = failures.iter().map(|f| f.reason.as_str()).collect();
        assert_eq!(failures.len(), 2, "{reasons:?}");
        assert!(
            reasons.iter().any(|r| r.starts_with("symbolic link loop")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.starts_with("broken symbolic link")),
            "{reasons:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_refused_without_blocking() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("feed.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo unavailable: skipped");
            return;
        }
        write(&d.path().join("real.txt"), "Ferries ran on time.");
        let (files, failures) = list_files(&[d.path().to_path_buf(), PathBuf::from("/dev/null")]);
        assert_eq!(files.len(), 1);
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert_eq!(failures[0].source, fifo.display().to_string());
        assert!(failures[0]
            .reason
            .starts_with("not a regular file (a named pipe)"));
        assert!(failures[0].reason.contains("give `-`"));
        assert!(failures[1].reason.contains("(a character device)"));
    }
}
