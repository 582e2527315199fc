//! A spool: pieces of bytes set aside while a listing reads on — in memory
//! while they are few, in a private, unlinked temporary file once they
//! outgrow that (tempfile's `SpooledTempFile`) — so that a history of
//! 100,000 reports holds their places rather than their summaries. A piece
//! that cannot be written (a full disk) is never an error: it stays in
//! memory, and so do the pieces after it.

use std::io::{self, Read, Seek, SeekFrom, Write};

use tempfile::SpooledTempFile;

/// What is held in memory before the spool rolls over to a file.
pub const IN_MEMORY: usize = 4 << 20;

/// Pieces of bytes, numbered in the order they were put.
#[derive(Debug)]
pub struct Spool {
    file: SpooledTempFile,
    /// Bytes written to the spool so far.
    end: u64,
    /// Whether a write failed: from then on, pieces stay in memory.
    failed: bool,
    spots: Vec<Spot>,
}

/// Where one piece is.
#[derive(Debug)]
enum Spot {
    Spooled { at: u64, len: usize },
    Memory(Box<[u8]>),
}

impl Spool {
    /// An empty spool holding up to `limit` bytes in memory.
    pub fn new(limit: usize) -> Spool {
        Spool {
            file: SpooledTempFile::new(limit),
            end: 0,
            failed: false,
            spots: Vec::new(),
        }
    }

    /// Sets `piece` aside; it is number `len()` before the call.
    pub fn put(&mut self, piece: Vec<u8>) -> usize {
        let number = self.spots.len();
        let written = !self.failed
            && self
                .file
                .seek(SeekFrom::Start(self.end))
                .and_then(|_| self.file.write_all(&piece))
                .is_ok();
        if written {
            self.spots.push(Spot::Spooled {
                at: self.end,
                len: piece.len(),
            });
            self.end += piece.len() as u64;
        } else {
            self.failed = true;
            self.spots.push(Spot::Memory(piece.into_boxed_slice()));
        }
        number
    }

    /// A copy of piece `number`.
    ///
    /// # Errors
    ///
    /// When there is no such piece, or the temporary file cannot be read.
    pub fn get(&mut self, number: usize) -> io::Result<Vec<u8>> {
        match self.spots.get(number) {
            Some(Spot::Memory(piece)) => Ok(piece.to_vec()),
            Some(&Spot::Spooled { at, len }) => {
                let mut piece = vec![0; len];
                self.file.seek(SeekFrom::Start(at))?;
                self.file.read_exact(&mut piece)?;
                Ok(piece)
            }
            None => Err(io::Error::other(format!("no piece {number} in the spool"))),
        }
    }

    /// Whether the spool has rolled over to a file.
    #[cfg(test)]
    fn in_file(&self) -> bool {
        self.file.is_rolled()
    }
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
            let mut spool = Spool::new(limit);
            let pieces = pieces(3000);
            for (n, piece) in pieces.iter().enumerate() {
                assert_eq!(spool.put(piece.clone()), n);
            }
            assert_eq!(spool.in_file(), limit != usize::MAX);
            for n in (0..3000).rev().step_by(7).chain([5, 2999, 0]) {
                assert_eq!(spool.get(n).unwrap(), pieces[n], "piece {n}, limit {limit}");
            }
            // Putting more after reading some back still works.
            assert_eq!(spool.put(b"last".to_vec()), 3000);
            assert_eq!(spool.get(3000).unwrap(), b"last");
            assert_eq!(spool.get(1234).unwrap(), pieces[1234]);
            assert!(spool.get(3001).is_err());
        }
    }

    #[test]
    fn pieces_that_cannot_be_written_stay_in_memory() {
        let mut spool = Spool::new(0);
        let pieces = pieces(10);
        for piece in &pieces[..5] {
            spool.put(piece.clone());
        }
        // As on a full disk: the next write fails, and every piece from
        // then on is kept in memory.
        spool.failed = true;
        for piece in &pieces[5..] {
            spool.put(piece.clone());
        }
        for (n, piece) in pieces.iter().enumerate() {
            assert_eq!(spool.get(n).unwrap(), *piece);
        }
    }
}
