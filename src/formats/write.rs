//! The one routine every file the app writes goes through (datasets, saved views, decks, exports,
//! slides and screenshots): the bytes go to a temporary file in the same folder, are flushed to the
//! disk, the old file is copied to `NAME.bak` (when asked), and only then does the temporary file take
//! the name, in one rename. A failure at any step, a full disk or a crash before the rename, leaves the
//! old file as it was and readable; the message says which step failed and that the file is unchanged.
//!
//! The steps go through [`Disk`], so tests can make any one of them fail (`tests/safe_writes.rs`).

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The file system operations of a safe write, one per step.
pub trait Disk {
    /// Creates `path` (replacing a leftover), writes `bytes` and flushes them to the disk.
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Copies `from` to `to` (the backup), flushed to the disk.
    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Renames `from` to `to`, replacing `to` at once.
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Removes a file (a temporary file that is not needed any more).
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut file = std::fs::File::create(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to)?;
        std::fs::File::open(to)?.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)?;
        // The rename itself lasts once the folder is on the disk (where folders can be opened).
        if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(dir) = std::fs::File::open(dir)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// `NAME.EXT` → `NAME.EXT.SUFFIX`, in the same folder.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to `path` safely on the real disk; with `backup`, the old file is kept as `NAME.bak`.
/// An error says which step failed, why, and whether the old file is unchanged (not the file's name:
/// every caller puts that first, "Could not save NAME: …").
pub fn write_safely(path: &Path, bytes: &[u8], backup: bool) -> Result<(), String> {
    write_safely_on(&mut RealDisk, path, bytes, backup)
}

/// [`write_safely`] through any [`Disk`].
pub fn write_safely_on(disk: &mut dyn Disk, path: &Path, bytes: &[u8], backup: bool) -> Result<(), String> {
    if path.file_name().is_none() {
        return Err("the path names a folder, not a file".to_owned());
    }
    let tmp = sibling(path, "tmp");
    // The message says what failed and what became of the file; the caller names the file.
    let unchanged = if path.exists() { "; the file was not changed" } else { "" };
    let fail = |step: &str, e: &std::io::Error| format!("{step} failed ({}){unchanged}", describe(e));
    if let Err(e) = disk.write_new(&tmp, bytes) {
        let _ = disk.remove(&tmp);
        return Err(fail("writing the new text", &e));
    }
    if backup
        && path.exists()
        && let Err(e) = disk.copy(path, &sibling(path, "bak"))
    {
        let _ = disk.remove(&tmp);
        return Err(fail("keeping the old file as .bak", &e));
    }
    if let Err(e) = disk.rename(&tmp, path) {
        let _ = disk.remove(&tmp);
        return Err(fail("putting the new file in place", &e));
    }
    Ok(())
}

/// An I/O error in words a user can act on.
fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => format!("the disk is full: {e}"),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            format!("no permission to write there: {e}")
        }
        ErrorKind::NotFound => format!("the folder does not exist: {e}"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_keep_the_whole_name() {
        assert_eq!(sibling(Path::new("/a/b.csv"), "bak"), PathBuf::from("/a/b.csv.bak"));
        assert_eq!(sibling(Path::new("deck.ron"), "tmp"), PathBuf::from("deck.ron.tmp"));
    }
}
