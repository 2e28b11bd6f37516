//! Writing a file the way a person expects: a regular file (or a new one) is
//! replaced atomically, through a temporary file beside it that is synced and
//! renamed, so a failure or a kill never leaves half a file; a device, a FIFO
//! or a terminal is written in place (replacing `/dev/null` with a regular file
//! would be a surprise); `-` is standard output.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", .path.display())]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// What temporary files are called: `.NAME.PID-N.frontera-partial`, hidden, and
/// named for what they are should one survive a power cut.
const PARTIAL: &str = ".frontera-partial";

fn temp_name(name: &str) -> String {
    // Unique per process and write: two exports may run at once (the
    // interface's worker and a script).
    static WRITES: AtomicU64 = AtomicU64::new(0);
    format!(
        ".{name}.{}-{}{PARTIAL}",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    )
}

/// Whether process `pid` still runs (so its temporary file is in use).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes temporary files of earlier writes to `name` in `dir` whose process
/// has ended (a write killed half-way).
fn clean_stale(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(PARTIAL))
        else {
            continue;
        };
        let pid = middle.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !process_alive(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("the path names no file"))?
        .to_string_lossy()
        .into_owned();
    clean_stale(dir, &name);
    let temp = dir.join(temp_name(&name));
    let written = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        // The rename itself must reach the disk before the write counts.
        #[cfg(unix)]
        fs::File::open(dir)?.sync_all()?;
        Ok(())
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Writes `bytes` to `path` (see the module's documentation).
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut out = io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(fail);
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(fail(io::Error::other("it is a folder"))),
        Ok(meta) if !meta.is_file() => {
            // A device, FIFO or terminal: write in place, never replace it.
            let mut file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(fail)?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(fail)
        }
        _ => replace_atomically(path, bytes).map_err(fail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_replaced_whole_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        fs::write(&path, b"old").unwrap();
        write_output(&path, b"new contents").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new contents");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_in_place_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path and an ordinary mode.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                fs::File::open(fifo)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        write_output(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(
            fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "the FIFO was replaced"
        );
    }

    #[test]
    fn a_killed_writers_temporary_file_is_removed_on_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        // No process has this id (beyond the kernel's limit).
        let stale = dir.path().join(format!(".out.json.4294967295-0{PARTIAL}"));
        fs::write(&stale, b"half").unwrap();
        let other = dir
            .path()
            .join(format!(".other.json.4294967295-0{PARTIAL}"));
        fs::write(&other, b"not ours").unwrap();
        write_output(&dir.path().join("out.json"), b"{}").unwrap();
        assert!(!stale.exists(), "the stale temporary file was left");
        assert!(other.exists(), "another file's temporary file was removed");
    }
}
