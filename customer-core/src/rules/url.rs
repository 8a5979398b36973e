//! `url`: an absolute `http` or `https` URL as RFC 3986 writes it. Code `url`.
//!
//! A single pass over the bytes, allocating nothing:
//!
//! - scheme `http` or `https` in any case, then `://`;
//! - authority: optional `userinfo@` (unreserved, sub-delims, `:` and percent-escapes), a
//!   non-empty host, optional `:port` (digits, at most 65535; an empty port is allowed, as
//!   RFC 3986 and the WHATWG URL standard allow it);
//! - host: a bracketed IPv6 address (`[2001:db8::1]`, IPv4-suffixed forms too; no zone IDs and
//!   no `IPvFuture`), a dotted-quad IPv4 address, or a reg-name of unreserved, sub-delims and
//!   percent-escapes. A host made only of digits and dots must be a valid IPv4 address
//!   (`999.1.1.1` and `1.2.3` are refused, as browsers refuse them, although RFC 3986 would read
//!   them as reg-names);
//! - then a path, `?query` and `#fragment` of RFC 3986 characters (unreserved, sub-delims, `:`,
//!   `@`, `/`, `?` after the path) and valid percent-escapes, at most one `#`.
//!
//! Spaces, control characters, non-ASCII characters (IRIs: percent-encode them), `"`, `<`, `>`,
//! `\`, `^`, `` ` ``, `{`, `|`, `}` and stray `%` are refused.

use super::Text;
use crate::error::RuleError;

/// Checks that `value` is an absolute `http`/`https` URL.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_valid(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

#[cold]
fn error() -> RuleError {
    RuleError::new("url", "must be an absolute http or https URL")
}

/// Class bit of reg-name bytes: unreserved / sub-delims.
const REG_NAME: u8 = 1;
/// Class bit of userinfo bytes: unreserved / sub-delims / `:`.
const USERINFO: u8 = 2;
/// Class bit of path, query and fragment bytes: pchar, `/` and `?` (which only leaves the path
/// once; query and fragment allow it).
const TAIL: u8 = 4;

/// The class bits of every byte (a table lookup is cheaper than a 128-bit shift).
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = REG_NAME | USERINFO | TAIL;
        }
        b += 1;
    }
    let sub_delims_unreserved = b"-._~!$&'()*+,;=";
    let mut i = 0;
    while i < sub_delims_unreserved.len() {
        table[sub_delims_unreserved[i] as usize] = REG_NAME | USERINFO | TAIL;
        i += 1;
    }
    table[b':' as usize] = USERINFO | TAIL;
    table[b'@' as usize] = TAIL;
    table[b'/' as usize] = TAIL;
    table[b'?' as usize] = TAIL;
    table
};

#[inline(always)]
fn in_set(class: u8, b: u8) -> bool {
    CLASS[usize::from(b)] & class != 0
}

/// `true` when `bytes` are characters of `set` and valid percent-escapes.
#[inline]
fn all_in(set: u8, bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else if in_set(set, b) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `true` when `value` passes [`check`].
#[must_use]
pub fn is_valid(value: &str) -> bool {
    let bytes = value.as_bytes();
    let rest = if let Some(rest) = strip_prefix_ignore_case(bytes, b"http://") {
        rest
    } else if let Some(rest) = strip_prefix_ignore_case(bytes, b"https://") {
        rest
    } else {
        return false;
    };
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    is_authority(authority) && is_tail(tail)
}

#[inline]
fn strip_prefix_ignore_case<'a>(bytes: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let head = bytes.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        bytes.get(prefix.len()..)
    } else {
        None
    }
}

/// `[ userinfo "@" ] host [ ":" port ]`
fn is_authority(authority: &[u8]) -> bool {
    let host_port = match authority.iter().position(|&b| b == b'@') {
        Some(at) => {
            let (userinfo, rest) = authority.split_at(at);
            if !all_in(USERINFO, userinfo) {
                return false;
            }
            rest.get(1..).unwrap_or_default()
        }
        None => authority,
    };
    let (host_ok, port) = if let Some(literal) = host_port.strip_prefix(b"[") {
        let Some(close) = literal.iter().position(|&b| b == b']') else {
            return false;
        };
        let (address, after) = literal.split_at(close);
        let after = after.get(1..).unwrap_or_default();
        let port = match after {
            [] => None,
            [b':', port @ ..] => Some(port),
            _ => return false,
        };
        (is_ipv6(address), port)
    } else {
        match host_port.iter().position(|&b| b == b':') {
            Some(colon) => {
                let (host, port) = host_port.split_at(colon);
                (is_host(host), Some(port.get(1..).unwrap_or_default()))
            }
            None => (is_host(host_port), None),
        }
    };
    host_ok
        && match port {
            Some(port) => is_port(port),
            None => true,
        }
}

/// `port = *DIGIT`, at most 65535 (leading zeros allowed).
fn is_port(port: &[u8]) -> bool {
    let mut value = 0u32;
    for &b in port {
        if !b.is_ascii_digit() {
            return false;
        }
        value = value * 10 + u32::from(b - b'0');
        if value > 65535 {
            return false;
        }
    }
    true
}

/// A reg-name or an IPv4 address; digits-and-dots hosts must be IPv4.
fn is_host(host: &[u8]) -> bool {
    if host.is_empty() {
        return false;
    }
    if host.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
        return is_ipv4(host);
    }
    all_in(REG_NAME, host)
}

/// `dec-octet "." dec-octet "." dec-octet "." dec-octet`, no leading zeros.
fn is_ipv4(address: &[u8]) -> bool {
    let mut parts = 0;
    for part in address.split(|&b| b == b'.') {
        parts += 1;
        let octet_ok = match *part {
            [a] => a.is_ascii_digit(),
            [a, b] => (b'1'..=b'9').contains(&a) && b.is_ascii_digit(),
            [a, b, c] => {
                a.is_ascii_digit()
                    && b.is_ascii_digit()
                    && c.is_ascii_digit()
                    && a != b'0'
                    && (u32::from(a - b'0') * 100 + u32::from(b - b'0') * 10 + u32::from(c - b'0'))
                        <= 255
            }
            _ => false,
        };
        if !octet_ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

/// The `IPv6address` of RFC 3986: eight groups of 1..=4 hex digits, or fewer with one `::`,
/// the last two groups possibly written as an IPv4 address.
fn is_ipv6(address: &[u8]) -> bool {
    let len = address.len();
    let mut groups = 0;
    let mut compressed = false;
    let mut i = 0;
    if address.starts_with(b"::") {
        compressed = true;
        i = 2;
        if i == len {
            return true;
        }
    } else if address.first() == Some(&b':') {
        return false;
    }
    loop {
        let start = i;
        while address.get(i).is_some_and(u8::is_ascii_hexdigit) {
            i += 1;
        }
        if address.get(i) == Some(&b'.') {
            // The IPv4 tail ends the address.
            let Some(tail) = address.get(start..) else {
                return false;
            };
            if !is_ipv4(tail) {
                return false;
            }
            groups += 2;
            break;
        }
        let digits = i - start;
        if digits == 0 || digits > 4 {
            return false;
        }
        groups += 1;
        if i == len {
            break;
        }
        if address.get(i) != Some(&b':') {
            return false;
        }
        i += 1;
        if address.get(i) == Some(&b':') {
            if compressed {
                return false;
            }
            compressed = true;
            i += 1;
            if i == len {
                break;
            }
        } else if i == len {
            return false;
        }
        if groups > 8 {
            return false;
        }
    }
    if compressed {
        groups <= 7
    } else {
        groups == 8
    }
}

/// `path-abempty [ "?" query ] [ "#" fragment ]`
fn is_tail(tail: &[u8]) -> bool {
    match tail.iter().position(|&b| b == b'#') {
        Some(hash) => {
            let (before, fragment) = tail.split_at(hash);
            all_in(TAIL, before) && all_in(TAIL, fragment.get(1..).unwrap_or_default())
        }
        None => all_in(TAIL, tail),
    }
}
