//! A shelf: pieces of bytes set aside while a listing reads on, kept in
//! memory while they are few and in a private temporary file once they
//! outgrow that, so that a history of 100,000 reports holds their places
//! rather than their summaries.
//!
//! The file is created unlinked and readable by its owner only, and goes
//! with the process. Writing to it failing (a full disk) is never an error:
//! what could not be written stays in memory.

use std::fs::File;
use std::io;

/// What is held in memory before the shelf starts a file.
pub const IN_MEMORY: usize = 4 << 20;

/// Pieces are written to the file in batches of about this size.
const BATCH: usize = 256 << 10;

/// Pieces of bytes, numbered in the order they were put.
#[derive(Debug)]
pub struct Shelf {
    /// How many bytes may be held in memory before the rest go to a file.
    limit: usize,
    /// How many are.
    held: usize,
    /// The temporary file, once there is one; `None` also after it failed.
    file: Option<File>,
    /// Whether a file was tried and could not be made or written.
    failed: bool,
    /// Bytes written to the file so far.
    end: u64,
    /// Pieces on their way to the file (they start at `end`).
    pending: Vec<u8>,
    spots: Vec<Spot>,
}

/// Where one piece is.
#[derive(Debug)]
enum Spot {
    Memory(Box<[u8]>),
    /// In the file (or, from `end` on, still pending).
    File {
        at: u64,
        len: usize,
    },
}

impl Shelf {
    /// An empty shelf holding up to `limit` bytes in memory.
    pub fn new(limit: usize) -> Shelf {
        Shelf {
            limit,
            held: 0,
            file: None,
            failed: false,
            end: 0,
            pending: Vec::new(),
            spots: Vec::new(),
        }
    }

    /// How many pieces there are.
    pub fn len(&self) -> usize {
        self.spots.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.spots.is_empty()
    }

    /// Sets `piece` aside; it is number `len()` before the call.
    pub fn put(&mut self, piece: Vec<u8>) -> usize {
        let number = self.spots.len();
        if self.held + piece.len() <= self.limit || !self.has_file() {
            self.held += piece.len();
            self.spots.push(Spot::Memory(piece.into_boxed_slice()));
            return number;
        }
        let at = self.end + self.pending.len() as u64;
        self.pending.extend_from_slice(&piece);
        self.spots.push(Spot::File {
            at,
            len: piece.len(),
        });
        if self.pending.len() >= BATCH {
            self.write_pending();
        }
        number
    }

    /// A copy of piece `number`.
    ///
    /// # Errors
    ///
    /// When there is no such piece, or the temporary file cannot be read.
    pub fn get(&mut self, number: usize) -> io::Result<Vec<u8>> {
        let (at, len) = match self.spots.get(number) {
            Some(Spot::Memory(piece)) => return Ok(piece.to_vec()),
            Some(Spot::File { at, len }) => (*at, *len),
            None => return Err(io::Error::other(format!("no piece {number} on the shelf"))),
        };
        if at >= self.end {
            self.write_pending();
        }
        if at >= self.end {
            // Writing failed: the piece was moved to memory.
            return self.get(number);
        }
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("the shelf's file is gone"))?;
        let mut piece = vec![0; len];
        read_at(file, &mut piece, at)?;
        Ok(piece)
    }

    /// Whether pieces can go to a file (making it when there is none yet).
    fn has_file(&mut self) -> bool {
        if self.file.is_none() && !self.failed {
            match tempfile::tempfile() {
                Ok(file) => self.file = Some(file),
                Err(_) => self.failed = true,
            }
        }
        self.file.is_some()
    }

    /// Writes the pending pieces to the file; when that fails, they stay in
    /// memory and no more go to the file.
    fn write_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let written = match &self.file {
            Some(file) => write_at(file, &self.pending, self.end),
            None => Err(io::Error::other("no file")),
        };
        match written {
            Ok(()) => self.end += self.pending.len() as u64,
            Err(_) => {
                let end = self.end;
                for spot in &mut self.spots {
                    if let Spot::File { at, len } = *spot
                        && at >= end
                    {
                        let start = usize::try_from(at - end).unwrap_or(usize::MAX);
                        let piece = self.pending.get(start..start.saturating_add(len));
                        *spot = Spot::Memory(piece.unwrap_or_default().into());
                        self.held += len;
                    }
                }
                self.file = None;
                self.failed = true;
            }
        }
        self.pending.clear();
    }
}

#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, at)
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(not(unix))]
fn read_at(mut file: &File, buffer: &mut [u8], at: u64) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(buffer)
}

#[cfg(not(unix))]
fn write_at(mut file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    file.seek(SeekFrom::Start(at))?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn pieces(count: usize) -> Vec<Vec<u8>> {
        (0..count)
            .map(|n| format!("piece {n} · {}", "é".repeat(n % 7)).into_bytes())
            .collect()
    }

    #[test]
    fn pieces_come_back_from_memory_and_file_in_any_order() {
        for limit in [0, 40, usize::MAX] {
            let mut shelf = Shelf::new(limit);
            let pieces = pieces(3000);
            for (n, piece) in pieces.iter().enumerate() {
                assert_eq!(shelf.put(piece.clone()), n);
            }
            assert_eq!(shelf.len(), 3000);
            assert_eq!(shelf.file.is_some(), limit != usize::MAX);
            for n in (0..3000).rev().step_by(7).chain([5, 2999, 0]) {
                assert_eq!(shelf.get(n).unwrap(), pieces[n], "piece {n}, limit {limit}");
            }
            // Putting more after reading some back still works.
            assert_eq!(shelf.put(b"last".to_vec()), 3000);
            assert_eq!(shelf.get(3000).unwrap(), b"last");
            assert_eq!(shelf.get(1234).unwrap(), pieces[1234]);
            assert!(shelf.get(3001).is_err());
        }
    }

    #[test]
    fn pieces_that_cannot_be_written_stay_in_memory() {
        let mut shelf = Shelf::new(0);
        let pieces = pieces(10);
        for piece in &pieces {
            shelf.put(piece.clone());
        }
        // A file opened for reading only: every write fails, as on a full
        // disk.
        let reading = tempfile::NamedTempFile::new().unwrap();
        shelf.file = Some(File::open(reading.path()).unwrap());
        for (n, piece) in pieces.iter().enumerate() {
            assert_eq!(shelf.get(n).unwrap(), *piece);
        }
        assert!(shelf.failed);
        assert_eq!(shelf.put(b"after".to_vec()), 10);
        assert_eq!(shelf.get(10).unwrap(), b"after");
    }
}
