//! The NDJSON reader: one document a line, checked or converted on every core, reported in
//! input order, in memory that does not grow with the input.
//!
//! The main thread reads the input into chunks of whole lines (about [`CHUNK`] bytes each,
//! numbered in order, with the number of their first line) and hands them to `jobs` worker
//! threads through a queue. A worker runs [`report::document`] on each line of its chunk into a
//! [`Sink`] of its own (the chunk's output bytes and counts) and hands it back. The main thread
//! writes the finished chunks strictly in order, holding any that finish early until those
//! before them are written.
//!
//! At most [`IN_FLIGHT_PER_JOB`] × `jobs` chunks are read and not yet written at any time: when
//! that many are out, the main thread waits for the oldest before it reads on. Memory is that
//! many chunks and their output, whatever the size of the input; the chunks' buffers are
//! reused. A line over [`MAX_DOCUMENT`] is not kept: the reader skips it and the chunk only
//! notes its number, to be reported as too large.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read as _};
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

use crate::report::{self, Job, Origin, Sink, MAX_DOCUMENT};

/// The size a chunk is filled to (it ends at the first line end past it).
pub const CHUNK: usize = 256 * 1024;

/// Chunks read and not yet written, per worker.
pub const IN_FLIGHT_PER_JOB: usize = 4;

/// Why reading one input stopped.
pub enum Failure {
    /// The input could not be read: reported, and the run goes on with the next input.
    Input(io::Error),
    /// The output could not be written: the run stops.
    Output(io::Error),
}

/// Lines read from the input.
#[derive(Default)]
struct Chunk {
    /// Its place in the input, from 0.
    seq: u64,
    /// The number of its first line, from 1.
    first_line: usize,
    /// Whole lines, each ending in `\n` (one is added to a last line without it); a line
    /// over [`MAX_DOCUMENT`] is left empty.
    data: Vec<u8>,
    /// Where each line of `data` ends (the offset after its `\n`), as the reader found them.
    ends: Vec<usize>,
    /// The numbers of the lines that were over [`MAX_DOCUMENT`].
    too_large: Vec<usize>,
    /// The bytes of input the chunk stands for, skipped lines included (for the progress bar).
    consumed: u64,
}

/// A chunk's output, with the chunk for its buffer to be reused.
struct Done {
    sink: Sink,
    chunk: Chunk,
}

/// Reads `reader` as NDJSON with `jobs` worker threads (`jobs` ≤ 1: on this thread), calling
/// `write` with each chunk's output and the input bytes it stands for, in input order.
pub fn run(
    job: Job,
    name: &str,
    reader: &mut dyn BufRead,
    jobs: usize,
    write: &mut dyn FnMut(Sink, u64) -> io::Result<()>,
) -> Result<(), Failure> {
    if jobs <= 1 {
        return run_here(job, name, reader, write);
    }
    let limit = jobs * IN_FLIGHT_PER_JOB;
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(limit);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Done)>();
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                let next = work_rx
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .recv();
                let Ok(chunk) = next else {
                    return;
                };
                let mut sink = Sink::default();
                process(job, name, &chunk, &mut sink);
                if done_tx.send((chunk.seq, Done { sink, chunk })).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let mut order = Order {
            next: 0,
            waiting: BTreeMap::new(),
            in_flight: 0,
            spare: Vec::new(),
        };
        let mut reading = Reading {
            seq: 0,
            line: 0,
            eof: false,
        };
        let outcome = loop {
            if reading.eof {
                break Ok(());
            }
            let mut chunk = order.spare.pop().unwrap_or_default();
            if let Err(error) = reading.fill(reader, &mut chunk) {
                break Err(Failure::Input(error));
            }
            if chunk.data.is_empty() && chunk.consumed == 0 {
                break Ok(());
            }
            order.in_flight += 1;
            if work_tx.send(chunk).is_err() {
                // Every worker is gone: only a panic does that, and the scope reports it.
                break Ok(());
            }
            // Write what is finished; wait for the oldest when the limit is reached.
            if let Err(error) = order.write_ready(&done_rx, write, limit) {
                break Err(Failure::Output(error));
            }
        };
        drop(work_tx);
        // The chunks already read are reported, before any read error of this input.
        if let Err(Failure::Output(error)) = outcome {
            return Err(Failure::Output(error));
        }
        order
            .write_ready(&done_rx, write, 1)
            .map_err(Failure::Output)?;
        outcome
    })
}

/// Reading state: the next chunk's number, the last line read, and whether the input ended.
struct Reading {
    seq: u64,
    line: usize,
    eof: bool,
}

impl Reading {
    /// Fills `chunk` (cleared first) with whole lines up to about [`CHUNK`] bytes.
    fn fill(&mut self, reader: &mut dyn BufRead, chunk: &mut Chunk) -> io::Result<()> {
        chunk.data.clear();
        chunk.ends.clear();
        chunk.too_large.clear();
        chunk.consumed = 0;
        chunk.seq = self.seq;
        chunk.first_line = self.line + 1;
        self.seq += 1;
        while chunk.data.len() < CHUNK {
            let start = chunk.data.len();
            let read = (&mut *reader)
                .take(MAX_DOCUMENT as u64 + 1)
                .read_until(b'\n', &mut chunk.data)?;
            if read == 0 {
                self.eof = true;
                break;
            }
            self.line += 1;
            chunk.consumed += read as u64;
            let ends = chunk.data.last() == Some(&b'\n');
            if read > MAX_DOCUMENT && !ends {
                chunk.data.truncate(start);
                chunk.consumed += skip_line(reader)?;
                chunk.too_large.push(self.line);
                chunk.data.push(b'\n');
            } else if !ends {
                chunk.data.push(b'\n');
            }
            chunk.ends.push(chunk.data.len());
        }
        Ok(())
    }
}

/// Writing state: finished chunks held until those before them are written.
struct Order {
    /// The number of the next chunk to write.
    next: u64,
    waiting: BTreeMap<u64, Done>,
    /// Chunks read and not yet written.
    in_flight: usize,
    /// Buffers of written chunks, for the reader to reuse.
    spare: Vec<Chunk>,
}

impl Order {
    /// Writes every finished chunk that is next in order; blocks for more while `in_flight`
    /// is at least `limit` (with `limit` 1: until every chunk is written).
    fn write_ready(
        &mut self,
        done_rx: &mpsc::Receiver<(u64, Done)>,
        write: &mut dyn FnMut(Sink, u64) -> io::Result<()>,
        limit: usize,
    ) -> io::Result<()> {
        loop {
            while let Some(done) = self.waiting.remove(&self.next) {
                self.next += 1;
                self.in_flight -= 1;
                let consumed = done.chunk.consumed;
                self.spare.push(done.chunk);
                write(done.sink, consumed)?;
            }
            let received = if self.in_flight >= limit {
                match done_rx.recv() {
                    Ok(received) => received,
                    // Every worker is gone: only a panic does that, and the scope reports it.
                    Err(_) => return Ok(()),
                }
            } else {
                match done_rx.try_recv() {
                    Ok(received) => received,
                    Err(_) => return Ok(()),
                }
            };
            self.waiting.insert(received.0, received.1);
        }
    }
}

/// Without worker threads: each chunk is processed and written as it is read.
fn run_here(
    job: Job,
    name: &str,
    reader: &mut dyn BufRead,
    write: &mut dyn FnMut(Sink, u64) -> io::Result<()>,
) -> Result<(), Failure> {
    let mut reading = Reading {
        seq: 0,
        line: 0,
        eof: false,
    };
    let mut chunk = Chunk::default();
    while !reading.eof {
        reading.fill(reader, &mut chunk).map_err(Failure::Input)?;
        let mut sink = Sink::default();
        process(job, name, &chunk, &mut sink);
        write(sink, chunk.consumed).map_err(Failure::Output)?;
    }
    Ok(())
}

/// Runs every document of `chunk` into `sink`.
fn process(job: Job, name: &str, chunk: &Chunk, sink: &mut Sink) {
    let mut start = 0;
    for (line, &end) in (chunk.first_line..).zip(&chunk.ends) {
        let text = chunk.data.get(start..end).unwrap_or_default();
        start = end;
        let at = Origin {
            name,
            line,
            whole: false,
        };
        if chunk.too_large.contains(&line) {
            report::too_large(job, at, sink);
        } else {
            // The line as read, without its newline: what `--rejects` keeps.
            let raw = text.strip_suffix(b"\n").unwrap_or(text);
            let text = text.trim_ascii();
            if !text.is_empty() {
                report::document(job, at, text, raw, sink);
            }
        }
    }
}

/// Skips the rest of an over-long line; returns how many bytes were skipped.
fn skip_line(reader: &mut dyn BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        reader.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped);
        }
    }
}
